/** A problem with the file or query as a whole: one sentence, exit status 2, nothing written. */
export class VolumeSourceError extends Error {}
