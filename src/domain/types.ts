/** The shapes every part of the product relies on (see docs/followup-rules.md). */

export type StepKind = 'thank-you' | 'status-inquiry' | 'move-on' | 'final-check-in';
export type Outcome = 'offer' | 'rejected' | 'withdrew';

export type Contact = {
  name: string;
  email?: string;
  title?: string;
  /** Something from this person's part of the conversation, for their thank-you (002). */
  topic?: string;
};

export type InterviewEvent =
  /**
   * `contact` (a thank-you only) names whom it went to, by contactKey (contacts.ts); without it
   * the event is for every interviewer, which is what a record from before per-contact tracking meant.
   */
  | { type: 'sent'; step: StepKind; at: string; contact?: string }
  | { type: 'reply'; at: string; newDecisionDate?: string }
  | { type: 'outcome'; at: string; outcome: Outcome }
  | { type: 'snoozed'; step: StepKind; at: string; until: string }
  | { type: 'dismissed'; step: StepKind; at: string; contact?: string }
  /** The reminder for a step was shown; recorded before showing so it fires once. */
  | { type: 'notified'; step: StepKind; at: string; round: number }
  /**
   * A message from a contact seen in the user's webmail (issue 15): it pauses the plan as a reply
   * without a date does, until the user says what it was. `at` is when it was recorded.
   */
  | { type: 'replySeen'; at: string; from: string; receivedAt: string; subject: string; messageId?: string }
  /** "Not about this interview": the seen message with this id (else sender and time) is undone and never matched again. */
  | { type: 'replyNotOurs'; at: string; from: string; receivedAt: string; messageId?: string }
  /** The user confirmed that mail from anyone at this domain (lower case, "acme.com") is about this interview. */
  | { type: 'replyDomain'; at: string; domain: string };

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
  /** This employer is not the only one in play: the status inquiry may say it is still the top choice (004). */
  hasOtherOffers?: boolean;
  /** A topic from the conversation; for a thank-you, it belongs to the first contact unless theirs is given. */
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
  /** "Notice replies from my interviewers" (issue 15): false stops the webmail reading any message; absent means on. */
  noticeReplies?: boolean;
};

/** One interviewer's part of the thank-you step. */
export type ContactProgress = {
  /** contactKey of the contact: what a 'sent' or 'dismissed' event names. */
  key: string;
  name: string;
  email?: string;
  status: 'pending' | 'done' | 'dismissed';
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
  /** When its reminder was last shown (the latest 'notified' event at or after notifyAt); a later snooze clears it. */
  notifiedAt?: string;
  /**
   * Thank-you only, when the interview names interviewers: one entry each. The step is pending
   * while any is pending, done when each was sent or skipped (and one was sent), else dismissed.
   */
  contacts?: ContactProgress[];
  /**
   * When the next step took this one's place (docs/followup-rules.md, "Superseded steps"): from
   * then on a step still pending is not offered. Once that step was shown or sent, the status is
   * 'dismissed'; before, only the queries that know the time (dueNow, interviewStatus, isOffered) apply it.
   */
  supersededAt?: string;
};

export type Profile = {
  name: string;
  signature?: string;
  webmail: 'gmail' | 'outlook';
  /** Which Gmail account "Write email" opens (/mail/u/N/); absent: where FollowUp was last used. */
  gmailAccount?: number;
  /** Which Outlook site "Write email" opens; absent: where FollowUp was last used, else outlook.office.com. */
  outlookHost?: 'outlook.office.com' | 'outlook.live.com';
};

export type DraftKind = 'thank-you' | 'status-inquiry' | 'final-check-in';
export type Draft = {
  to: string[];
  subject: string;
  body: string;
  /** contactKey of the person it is addressed to, for the 'sent' event; absent when it greets no one. */
  contact?: string;
};
