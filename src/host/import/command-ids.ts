// The import command's id, apart from the importer so that registering it loads nothing heavy.
export const IMPORT_COMMAND = 'imageryAnnotator.importRelease';
