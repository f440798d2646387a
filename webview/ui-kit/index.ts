// Our UI kit: thin lit wrappers; the rest of the webview uses only these.
export { IaButton } from './ia-button';
export { IaBadge, type BadgeTone } from './ia-badge';
export { IaTextField, type ValueEvent } from './ia-text-field';
export { IaDropdown, type DropdownOption } from './ia-dropdown';
