import fc from 'fast-check';

// Property tests run with one fixed seed so CI is reproducible; FC_SEED=random explores new seeds.
fc.configureGlobal({ seed: process.env.FC_SEED === 'random' ? Date.now() : 20261128 });
