import ReservistScenario

extension Reservist {
    /// Working days this reservist may still be called up without the employer's consent:
    /// `employerQuotaDays` − days already used (at least 0) when salaried without consent,
    /// otherwise unlimited (`Int.max`).
    func workingDaysLeft(_ rules: ReservistRules) -> Int {
        salaried && !employerConsent ? max(0, rules.employerQuotaDays - employerDaysUsed) : Int.max
    }

    /// The first day this reservist may be called on: the planning date plus its notice (the
    /// reactivity clause's, or the default).
    func firstCallableDay(in scenario: ReservistScenario) -> Int {
        let rules = scenario.rules
        return scenario.firstCallableDay(noticeDays: reactivity ? rules.reactivityNoticeDays : rules.defaultNoticeDays)
    }
}
