/** Types for surfaces.cjs: the Custom UI surfaces listed in manifest.yml's `resources`. */
export interface SurfaceInfo {
  /** The resource key, also the folder under static/src and static/build. */
  key: string;
  /** The resource path in manifest.yml (the build output directory). */
  path: string;
  /** The manifest module that shows this resource; role 'config' for a macro's config dialog. */
  module: { type: string; key: string; role: 'main' | 'config' } | null;
  /** A config dialog's `viewportSize` in manifest.yml (medium when unset); absent for other surfaces. */
  viewportSize?: string | { width: string; height?: string };
}
export declare function readSurfaces(root?: string): SurfaceInfo[];
export declare const SURFACE_LIST: SurfaceInfo[];
export declare const SURFACES: string[];
