// Test environment of the frontend jest project: jsdom 27 on Jest 30's abstract jsdom environment
// (jest-environment-jsdom itself is not installed), with the Web APIs jsdom lacks or implements
// differently taken from Node, as @backstage/cli's own environment does.
import JSDOMEnvironment from '@jest/environment-jsdom-abstract';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import * as jsdom from 'jsdom';

export default class ItamJsdomEnvironment extends JSDOMEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context, jsdom);
    const g = this.global as unknown as Record<string, unknown>;
    Object.assign(g, {
      TextDecoder,
      TextEncoder,
      TextDecoderStream,
      TextEncoderStream,
      ReadableStream,
      WritableStream,
      TransformStream,
      Blob,
      Headers,
      FormData,
      Request,
      Response,
      fetch,
      AbortController,
      AbortSignal,
      structuredClone,
      URL,
      URLSearchParams,
      BroadcastChannel,
      // `instanceof Error` must hold for errors thrown by the Node APIs above.
      Error,
    });
  }
}
