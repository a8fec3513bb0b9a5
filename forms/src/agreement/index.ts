export * from './kappa.ts';
export * from './review-agreement.ts';
