/** Types of packagingNode.mjs (plain JavaScript: it runs before anything is installed or built). */
export declare const PACKAGING_NODE: string;
export declare function packagingNodeProblem(version: string): string | null;
