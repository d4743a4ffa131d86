/** The shape of the text trees (kept apart from texts.ts, which imports the trees). */
export interface TextTree {
  [key: string]: string | TextTree;
}

/** The English tree has the German tree's shape: every key, a string at every leaf. */
export type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
