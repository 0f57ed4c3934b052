// openapi-typescript builds its output with the TypeScript compiler API (ts.factory, the printer),
// which TypeScript 7 no longer ships (openapi-ts/openapi-typescript#2841). The project compiles
// with 7; the generator alone is pointed at TypeScript 6's API, installed as @typescript/typescript6.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'typescript' && context.parentURL?.includes('/node_modules/openapi-typescript/')) {
    return nextResolve('@typescript/typescript6', context);
  }
  return nextResolve(specifier, context);
}
