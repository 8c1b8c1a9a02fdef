import fc from "fast-check";

// Property tests explore random inputs, but the CI run must not depend on luck: a fixed seed by default
// (the same cases every run, on every machine), and FC_SEED=<n> or FC_SEED=random to explore further.
// A failure prints its seed and path, so any counterexample found while exploring can be replayed.
const requested = process.env.FC_SEED;
if (requested !== "random") {
  fc.configureGlobal({ seed: requested ? Number(requested) : 20_261_129 });
}
