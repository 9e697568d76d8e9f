import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Rendering a Backstage test app and driving react-aria widgets takes longer than jest's and
// Testing Library's defaults on a loaded CI machine. These are upper bounds for waiting, not
// expectations about speed: nothing here measures time.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 5_000 });

// Known, harmless noise from the pinned libraries, dropped so real warnings stand out:
// React Router 6's v7 migration notices (from Backstage's test app) and Material UI v4's use
// of findDOMNode in its transitions (React 18 strict mode).
const NOISE = [/React Router Future Flag Warning/, /findDOMNode is deprecated/];
const isNoise = (args: unknown[]) =>
  typeof args[0] === 'string' && NOISE.some(re => re.test(args[0] as string));
const { warn, error } = console;
jest.spyOn(console, 'warn').mockImplementation((...args) => {
  if (!isNoise(args)) warn(...args);
});
jest.spyOn(console, 'error').mockImplementation((...args) => {
  if (!isNoise(args)) error(...args);
});
