/** What every route plugin receives from the server factory. */
import type { App } from '../../app/index.js';
import type { Config } from '../../config/config.js';

export interface PluginOptions {
  readonly app: App;
  readonly config: Readonly<Config>;
}
