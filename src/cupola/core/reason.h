// cupola/core/reason.h -- why something happened, as a stable code.
//
// Every record that says why (an engage/ignore decision, a battle-manager
// note, an interceptor's miss, a track's deletion, where a threat came down)
// carries a Reason. Its code is a stable snake_case name for files and
// scripts (events.jsonl `reason`), its text a short phrase for people
// (`reason_text`); the numbers behind it travel as numbers beside it, never
// inside the text. The list is in docs/outputs.md ("Reason codes"), and a
// test keeps the two equal.
//
// Adding a reason is one line in CUPOLA_REASONS (and its row in the docs).
// Codes are never renamed or reused: analysts' scripts match on them.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace cupola {

// X(enumerator, code, text): one line per reason, grouped by who emits it.
#define CUPOLA_REASONS(X)                                                                                        \
  /* where a threat came down (impact) */                                                                        \
  X(kDefendedArea, "defended_area", "came down in a defended area")                                              \
  X(kOpenGround, "open_ground", "predicted to fall, or fell, in open ground")                                    \
  X(kDud, "dud", "came down, but its warhead did not function: no damage")                                     \
  X(kNoWarhead, "no_warhead", "a decoy came down: it has no warhead, no damage")                                 \
  /* the attacker's failures (threat_failure) */                                                                 \
  X(kLaunchFailure, "launch_failure", "failed at launch: it never left the launcher")                            \
  X(kMotorFailure, "motor_failure", "its motor stopped early: it fell short")                                    \
  /* the attacker's aim (aim_out_of_range) */                                                                    \
  X(kAimBeyondMaxRange, "aim_beyond_max_range", "aim point beyond the range table; fired at its maximum")        \
  X(kAimShortOfMinRange, "aim_short_of_min_range", "aim point short of the range table; fired at its minimum")   \
  /* engage / ignore decisions (assessment/) */                                                                  \
  X(kValueAtRisk, "value_at_risk", "value at risk reached the engagement threshold")                             \
  X(kBelowThreshold, "below_threshold", "value at risk below the engagement threshold")                          \
  /* battle-manager notes (engagement/) */                                                                       \
  X(kValueBelowCost, "value_below_cost", "value at risk x Pk is worth less than an interceptor")                 \
  X(kNoLauncherInEnvelope, "no_launcher_in_envelope", "no ready launcher could intercept it in its envelope")    \
  X(kNoLauncherReady, "no_launcher_ready", "no launcher of an engaging battery was ready")                       \
  X(kMagazineEmpty, "magazine_empty", "every launcher of the engaging batteries was empty")                      \
  X(kNoBatteryEngages, "no_battery_engages", "no battery's rule engaged it any more")                            \
  X(kDetectedAfterIntercept, "detected_after_intercept", "detected after the predicted intercept")               \
  X(kDetectedAfterPresumedKill, "detected_after_presumed_kill", "detected again after a presumed kill")          \
  X(kNotDetectedSinceIntercept, "not_detected_since_intercept", "not detected since the predicted intercept")    \
  X(kFalseKillDeclaration, "false_kill_declaration", "detected after the intercept, yet declared killed")      \
  X(kMissedKill, "missed_kill", "not detected since the intercept, yet declared survived")                    \
  /* interceptor misses (interceptor/) */                                                                        \
  X(kPassedOutsideFuze, "passed_outside_fuze", "passed the target outside the fuze radius")                      \
  X(kHitGround, "hit_ground", "flew into the ground")                                                            \
  X(kTargetGone, "target_gone", "the target was gone (landed or destroyed)")                                     \
  X(kFlightTimeOut, "flight_time_out", "maximum flight time ran out")                                            \
  X(kTooSlow, "too_slow", "too slow to manoeuvre")                                                               \
  X(kBurstOutOfReach, "burst_out_of_reach", "the target was beyond the gun's reach at the burst")                \
  /* track deletions (tracking/) */                                                                              \
  X(kFilterDiverged, "filter_diverged", "the filter diverged")                                                   \
  X(kNotConfirmed, "not_confirmed", "not confirmed within N looks (M of N)")                                     \
  X(kMissedLooks, "missed_looks", "too many looks in a row without a detection")                                 \
  X(kPositionUncertain, "position_uncertain", "position uncertainty above the limit")                            \
  X(kCoastedTooLong, "coasted_too_long", "no detection for longer than the coast limit")                         \
  X(kBelowGround, "below_ground", "predicted below the ground")                                                  \
  /* data links (sim/network.h) */                                                                               \
  X(kLinkOutage, "link_outage", "a scheduled outage: the link carries nothing")

enum class Reason : unsigned char {
  kNone,  // no reason given (the event's type says it all)
#define CUPOLA_REASON_ENUMERATOR(name, code, text) name,
  CUPOLA_REASONS(CUPOLA_REASON_ENUMERATOR)
#undef CUPOLA_REASON_ENUMERATOR
};

/// The stable code ("open_ground"); "" for kNone.
std::string_view Code(Reason reason);
/// The short text ("predicted to fall, or fell, in open ground"); "" for kNone.
std::string_view Text(Reason reason);
/// Every reason but kNone, in declaration order.
std::span<const Reason> AllReasons();
/// The reason with this code, if any.
std::optional<Reason> ReasonFromCode(std::string_view code);

}  // namespace cupola
