/** The Nest injection token of the service's one `ObjectStore`. */
export const OBJECT_STORE = Symbol('ObjectStore');
