/**
 * The ITAM frontend plugin for Backstage's new frontend system. Import the default export of
 * this entry point (`@itam/backstage-plugin-itam/alpha`) and add it to the app's features.
 *
 * @packageDocumentation
 */

export { default } from './alpha/plugin';
export {
  itamApi,
  itamEntityCard,
  itamEntityContent,
  itamPage,
  itamRegisterSubPage,
} from './alpha/plugin';
