export * from './rank.ts';
export * from './titles.ts';
