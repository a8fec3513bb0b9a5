import { z } from 'zod';

/*
 * Every enumeration the product shares, declared once. The engine, the HTTP
 * contract, the web app and the reports import these; their labels live in
 * the message catalogues (`present/`), keyed by the same values.
 */

/** The criteria family a definition belongs to. */
export const Family = z.enum(['gbt29490', 'strong-city', 'enterprise-programme', 'indicators']);
export type Family = z.infer<typeof Family>;

/** Who a definition is written for (the organisation kinds that may answer it). */
export const Audience = z.enum(['enterprise', 'city', 'reviewer']);
export type Audience = z.infer<typeof Audience>;

/** An item's status in a result, mirroring the auditor's checklist verdicts. */
export const ItemStatus = z.enum([
  'met',
  'partial',
  'unmet',
  'not_applicable',
  'unanswered',
  'info',
]);
export type ItemStatus = z.infer<typeof ItemStatus>;

/**
 * The statuses a reviewer may give an item when overriding the self-assessment,
 * the auditor's checklist scale: 符合, 观察项, 一般不符合, 严重不符合, 不适用.
 * 观察项 (observation) is not a nonconformity: the item scores as 符合 (full
 * points) and the result marks it (`ItemResult.observation`) so the reports
 * list it as something to watch. It is a judged status only — a self-assessed
 * item is never an observation, so `ItemStatus` has no such value.
 */
export const JudgedStatus = z.enum(['met', 'observation', 'partial', 'unmet', 'not_applicable']);
export type JudgedStatus = z.infer<typeof JudgedStatus>;

/** Three-valued: a gate whose inputs are unanswered is neither passed nor failed. */
export const GateOutcome = z.enum(['passed', 'failed', 'unknown']);
export type GateOutcome = z.infer<typeof GateOutcome>;

export const GateKind = z.enum(['veto', 'eligibility']);
export type GateKind = z.infer<typeof GateKind>;

/** The assessment lifecycle's states (transitions: `lifecycle/`). */
export const AssessmentStatus = z.enum(['draft', 'submitted', 'in_review', 'returned', 'decided']);
export type AssessmentStatus = z.infer<typeof AssessmentStatus>;

/** A reviewer's judgement of one item. */
export const ReviewVerdict = z.enum(['agree', 'override']);
export type ReviewVerdict = z.infer<typeof ReviewVerdict>;

/** A review's decision on the whole assessment. */
export const DecisionOutcome = z.enum(['approve', 'return']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

export const Role = z.enum(['respondent', 'reviewer', 'admin']);
export type Role = z.infer<typeof Role>;

export const OrgKind = z.enum(['enterprise', 'city', 'review-body', 'platform']);
export type OrgKind = z.infer<typeof OrgKind>;

/** An organisation's region's administrative level: 强市 rules tell cities from provinces and districts. */
export const RegionLevel = z.enum(['province', 'city', 'district']);
export type RegionLevel = z.infer<typeof RegionLevel>;

/** An account's standing: invited (no password yet), active, or disabled by an admin. */
export const UserStatus = z.enum(['invited', 'active', 'disabled']);
export type UserStatus = z.infer<typeof UserStatus>;

/** The languages the message catalogues cover; zh-CN first. */
export const Locale = z.enum(['zh', 'en']);
export type Locale = z.infer<typeof Locale>;
