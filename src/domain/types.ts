/** The shapes every part of the product relies on (see followup-rules.md). */

export type StepKind = 'thank-you' | 'status-inquiry' | 'move-on' | 'final-check-in';
export type Outcome = 'offer' | 'rejected' | 'withdrew';

export type Contact = { name: string; email?: string; title?: string };

export type InterviewEvent =
  | { type: 'sent'; step: StepKind; at: string }
  | { type: 'reply'; at: string; newDecisionDate?: string }
  | { type: 'outcome'; at: string; outcome: Outcome }
  | { type: 'snoozed'; step: StepKind; at: string; until: string }
  | { type: 'dismissed'; step: StepKind; at: string }
  /** The reminder for a step was shown; recorded before showing so it fires once. */
  | { type: 'notified'; step: StepKind; at: string; round: number };

export type Interview = {
  id: string;
  company: string;
  role: string;
  /** ISO 8601 instant, e.g. "2026-11-17T19:00:00.000Z". */
  interviewAt: string;
  /** Default 60. */
  durationMinutes?: number;
  /** The first is the primary interviewer. */
  contacts: Contact[];
  /** "YYYY-MM-DD" in the user's zone. */
  decisionExpectedBy?: string;
  invitedToCall?: boolean;
  callCustomary?: boolean;
  hasOtherOffers?: boolean;
  topic?: string;
  notes?: string;
  /** What the user has done or learned, oldest first. */
  history: InterviewEvent[];
  /** ISO instants, maintained by the store. */
  createdAt?: string;
  updatedAt?: string;
};

export type Settings = {
  /** IANA zone, default the browser's. */
  timeZone: string;
  /** 0=Sun … 6=Sat, default [1,2,3,4,5]. */
  workWeek: number[];
  /** "YYYY-MM-DD". */
  holidays: string[];
  /** "HH:mm". */
  dayStart: string;
  dayEnd: string;
  preferredTime: string;
};

export type FollowUpStep = {
  kind: StepKind;
  /** ISO instants. */
  notifyAt: string;
  dueBy?: string;
  status: 'pending' | 'done' | 'dismissed';
  callAcceptable: boolean;
  /** Inquiry round, 1 = first. */
  round: number;
  /** When its reminder was shown (a 'notified' event at or after notifyAt); a later snooze clears it. */
  notifiedAt?: string;
};

export type Profile = {
  name: string;
  signature?: string;
  webmail: 'gmail' | 'outlook';
};

export type DraftKind = 'thank-you' | 'status-inquiry' | 'final-check-in';
export type Draft = { to: string[]; subject: string; body: string };
