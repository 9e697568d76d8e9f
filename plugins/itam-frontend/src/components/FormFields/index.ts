export { issuesByPath, SelectInput, TextInput } from './FormFields';
