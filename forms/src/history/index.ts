export {
  type CarryOverReport,
  carryOver,
  forwardMapping,
  itemPlaces,
  type SkipReason,
} from './carry.ts';
export {
  compareResults,
  type GateChange,
  type ItemChange,
  type ResultChanges,
  type SectionChange,
} from './compare.ts';
