import * as core from '@actions/core';
import { createGitHubClient } from '../github/client.js';
import { runAction } from './run.js';

/** The Action's entry point and its one exit point: it wires @actions/core to the run and fails the step once. */
async function main(): Promise<void> {
  const log = {
    debug: (message: string) => core.debug(message),
    info: (message: string) => core.info(message),
    warning: (message: string) => core.warning(message),
    error: (message: string) => core.error(message),
  };
  const { failure } = await runAction({
    getInput: (name) => core.getInput(name),
    env: process.env,
    log,
    annotate: (level, message, properties) => (level === 'error' ? core.error(message, properties) : core.warning(message, properties)),
    summary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write();
    },
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (value) => core.setSecret(value),
    createClient: (token, baseUrl, options) => createGitHubClient({ token, baseUrl, log, ...options }),
    now: () => new Date(),
  });
  if (failure) core.setFailed(failure);
}

await main();
