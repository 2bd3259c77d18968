// The surface's Forge context now comes from the data layer's cache; kept here for the forms that import it.
export { useSurfaceContext } from './data/queries';
