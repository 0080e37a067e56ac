/**
 * Where a repository's config is read from unless told otherwise. A module of its own, so that
 * the Action can read its inputs without loading the config schemas.
 */
export const DEFAULT_CONFIG_PATH = '.modelgate.yml';
