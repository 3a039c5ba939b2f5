/** A problem with the machine or environment, told in one line that names the fix. */
export class StackError extends Error {}
