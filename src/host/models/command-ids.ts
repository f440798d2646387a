// The ids of the model commands that other commands' buttons run, in a module
// of their own so that offering one never imports the other.
export const TEST_PROFILE_COMMAND = 'imageryAnnotator.testModelProfile';
export const ADD_PROFILE_COMMAND = 'imageryAnnotator.addModelProfile';
