import StrictJSON
/// Walks the generic tree of a `continuum-event/1` document section by section, in the order of
/// docs/scenario-format.md, and resolves every reference to an index.
struct ScenarioBuilder {
    let file: String
    /// Folder `peopleFile` is resolved in; nil when the text has no folder (then `peopleFile` is refused).
    let baseFolder: String?

    static let formatName = "continuum-event/1"
    static let rootFields = [
        "format", "name", "horizon", "rules", "communes", "sites", "zones", "patrolTemplates", "demand",
        "people", "peopleFile", "pinned",
    ]
    /// Longest horizon: a year (and a leap day).
    static let maximumHorizonDays = 366
    static let maximumSlots = 100_000
    static let maximumCount = 100_000
    static let maximumCost = 100_000.0
    static let maximumHours = 168.0
    static let maximumPriority = 1e9
    static let maximumPatrolSize = 100

    func build(_ root: Value) throws(ScenarioError) -> Scenario {
        let top = try Fields(root, at: .root(file), allowed: Self.rootFields, what: "the scenario")

        let format = try top.required("format", "\"\(Self.formatName)\"").string(at: top.at("format"))
        guard format == Self.formatName else {
            throw top.at("format").fail("unsupported format \(quoted(format))",
                                        "this version reads \"\(Self.formatName)\"")
        }
        let name = try top.required("name", "\"Match at risk\"").text(at: top.at("name"))
        let horizon = try readHorizon(try top.required("horizon", "{\"start\": ..., \"end\": ..., \"slotMinutes\": 15}"),
                                      at: top.at("horizon"))
        let grid = Grid(horizon: horizon)
        let rules = try readRules(try top.required("rules", "{\"shiftTemplates\": [...]}"), at: top.at("rules"), grid: grid)

        let communeSpot = top.at("communes").materialized
        var communeIDs = IDIndex(what: "commune", list: "$.communes")
        var communes: [Commune] = []
        for (i, item) in try top.required("communes", "[{\"id\": ..., \"name\": ..., \"convention\": null}]")
            .array(at: communeSpot).enumerated() {
            let commune = try readCommune(item, at: communeSpot.item(i))
            try communeIDs.add(commune.id, at: communeSpot.item(i).field("id"))
            communes.append(commune)
        }

        let siteSpot = top.at("sites").materialized
        var siteIDs = IDIndex(what: "site", list: "$.sites")
        var sites: [Site] = []
        for (i, item) in try (top.optional("sites") ?? .array([])).array(at: siteSpot).enumerated() {
            let fields = try Fields(item, at: siteSpot.item(i), allowed: ["id", "name"], what: "a site")
            let id = try checkID(try fields.required("id", "\"stadium\"").string(at: fields.at("id")), at: fields.at("id"), what: "site id")
            let name = try fields.required("name", "\"Stadium\"").text(at: fields.at("name"))
            try siteIDs.add(id, at: fields.at("id"))
            sites.append(Site(id: id, name: name))
        }

        let zoneSpot = top.at("zones").materialized
        var zoneIDs = IDIndex(what: "zone", list: "$.zones")
        var zones: [Zone] = []
        for (i, item) in try top.required("zones", "[{\"id\": ..., \"name\": ..., \"kind\": ..., \"commune\": ...}]")
            .array(at: zoneSpot).enumerated() {
            let fields = try Fields(item, at: zoneSpot.item(i), allowed: ["id", "name", "kind", "commune", "site"], what: "a zone")
            let id = try checkID(try fields.required("id", "\"gate-a\"").string(at: fields.at("id")), at: fields.at("id"), what: "zone id")
            let name = try fields.required("name", "\"Gate A\"").text(at: fields.at("name"))
            let kind: ZoneKind = try parseEnum(try fields.required("kind", "\"venue\"").string(at: fields.at("kind")),
                                               at: fields.at("kind"), what: "zone kind")
            let commune = try communeIDs.resolve(try fields.required("commune", "\"a commune id\"").string(at: fields.at("commune")),
                                                 at: fields.at("commune"))
            let site = try fields.optional("site").map { v throws(ScenarioError) in
                try siteIDs.resolve(try v.string(at: fields.at("site")), at: fields.at("site"))
            }
            try zoneIDs.add(id, at: fields.at("id"))
            zones.append(Zone(id: id, name: name, kind: kind, commune: commune, site: site))
        }

        let templateSpot = top.at("patrolTemplates").materialized
        var templateIDs = IDIndex(what: "patrol template", list: "$.patrolTemplates")
        var templates: [PatrolTemplate] = []
        for (i, item) in try (top.optional("patrolTemplates") ?? .array([])).array(at: templateSpot).enumerated() {
            let template = try readTemplate(item, at: templateSpot.item(i), rules: rules)
            try templateIDs.add(template.id, at: templateSpot.item(i).field("id"))
            templates.append(template)
        }

        let demandSpot = top.at("demand").materialized
        var demandIDs = IDIndex(what: "demand", list: "$.demand")
        var demands: [Demand] = []
        for (i, item) in try top.required("demand", "[{\"id\": ..., \"zone\": ..., ...}]").array(at: demandSpot).enumerated() {
            let demand = try readDemand(item, at: demandSpot.item(i), grid: grid, zones: zoneIDs, templates: templateIDs)
            try demandIDs.add(demand.id, at: demandSpot.item(i).field("id"))
            demands.append(demand)
        }
        try checkOverlaps(demands, zones: zones, templates: templates, at: demandSpot)

        guard top.has("people") || top.has("peopleFile") else {
            throw top.spot.fail("missing required field 'people' (or 'peopleFile')",
                                "add \"people\": [...] or \"peopleFile\": \"people.csv\"")
        }
        let context = PersonContext(grid: grid, communes: communeIDs, sites: siteIDs)
        var personIDs = IDIndex(what: "person", list: "$.people")
        var people: [Person] = []
        let peopleSpot = top.at("people").materialized
        if let list = top.optional("people") {
            let items = try list.array(at: peopleSpot)
            people.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                let spot = peopleSpot.item(i)
                let person = try context.person(fromJSON: item, at: spot)
                try personIDs.add(person.id, at: spot.field("id"))
                people.append(person)
            }
        }
        if let value = top.optional("peopleFile") {
            let spot = top.at("peopleFile")
            let relative = try value.text(at: spot)
            guard let baseFolder else {
                throw spot.fail("peopleFile \(quoted(relative)) cannot be resolved: the scenario has no folder",
                                "read the scenario from a file, or list the people inline")
            }
            let (path, shown) = try PeopleFile.resolve(relative, in: baseFolder, at: spot)
            let text = try FileLoader.load(path: path, shownAs: shown)
            try PeopleCSV.read(text, file: shown, context: context, into: &people, ids: &personIDs)
        }
        let pinSpot = top.at("pinned").materialized
        var pins: [Pin] = []
        for (i, item) in try (top.optional("pinned") ?? .array([])).array(at: pinSpot).enumerated() {
            pins.append(try readPin(item, at: pinSpot.item(i), grid: grid, zones: zoneIDs, templates: templateIDs,
                                    people: personIDs, templateList: templates))
        }
        try checkPins(pins, people: people, zones: zones, rules: rules, at: pinSpot)
        return Scenario(name: name, horizon: horizon, rules: rules, communes: communes, sites: sites, zones: zones,
                        patrolTemplates: templates, demands: demands, people: people, pins: pins)
    }

    // MARK: pins

    private func readPin(_ value: Value, at spot: Spot, grid: Grid, zones: IDIndex, templates: IDIndex, people: IDIndex,
                         templateList: [PatrolTemplate]) throws(ScenarioError) -> Pin {
        let fields = try Fields(value, at: spot, allowed: ["person", "zone", "patrolTemplate", "role", "start", "end"],
                                what: "a pinned assignment")
        let person = try people.resolve(try fields.required("person", "\"a person id\"").string(at: fields.at("person")),
                                        at: fields.at("person"))
        let zone = try zones.resolve(try fields.required("zone", "\"a zone id\"").string(at: fields.at("zone")), at: fields.at("zone"))
        let template = try fields.optional("patrolTemplate").map { v throws(ScenarioError) in
            try templates.resolve(try v.string(at: fields.at("patrolTemplate")), at: fields.at("patrolTemplate"))
        }
        let role = try checkID(try fields.required("role", "\"search-f\"").string(at: fields.at("role")), at: fields.at("role"),
                               what: "role")
        if let template, !templateList[template].roles.contains(where: { $0.id == role }) {
            throw fields.at("role").fail("patrol template \(quoted(templateList[template].id)) has no role \(quoted(role))",
                                         "use one of: \(templateList[template].roles.map(\.id).joined(separator: ", "))")
        }
        let window = try grid.window(
            start: try fields.required("start", "\"2026-05-30T14:00:00+02:00\"").string(at: fields.at("start")),
            end: try fields.required("end", "\"2026-05-30T22:00:00+02:00\"").string(at: fields.at("end")),
            startSpot: fields.at("start"), endSpot: fields.at("end"))
        return Pin(person: person, zone: zone, template: template, role: role, window: window)
    }

    /// Pins that contradict each other or the person: outside their availability, two places at
    /// once, or too little rest between two pins. Each error names both pins.
    private func checkPins(_ pins: [Pin], people: [Person], zones: [Zone], rules: Rules, at spot: Spot) throws(ScenarioError) {
        var byPerson: [Int: [Int]] = [:]
        for (i, pin) in pins.enumerated() {
            let person = people[pin.person]
            guard person.availability.contains(where: { $0.contains(pin.window) }) else {
                throw spot.item(i).fail("\(quoted(person.id)) is pinned \(pin.window.start) to \(pin.window.end) but is not available then",
                                        "move the pin inside one of the person's availability windows, or widen them")
            }
            byPerson[pin.person, default: []].append(i)
        }
        let rest = Int((rules.minRestHours * 60).rounded(.up))
        for person in byPerson.keys.sorted() {
            let list = byPerson[person]!.sorted { (pins[$0].window.start, $0) < (pins[$1].window.start, $1) }
            for (a, b) in zip(list, list.dropFirst()) {
                let first = pins[a], second = pins[b]
                let (early, late) = (min(a, b), max(a, b))
                if second.window.start < first.window.end {
                    throw spot.item(late).fail(
                        "\(quoted(people[person].id)) is pinned to two places at once: \(spot.item(early).location) (zone \(quoted(zones[first.zone].id)), \(first.window.start) to \(first.window.end)) and this pin (zone \(quoted(zones[second.zone].id)), \(second.window.start) to \(second.window.end))",
                        "remove one of the two pins, or move it to another time")
                }
                if second.window.start.minutes(since: first.window.end) < rest {
                    throw spot.item(late).fail(
                        "\(quoted(people[person].id)) gets only \(second.window.start.minutes(since: first.window.end)) minutes of rest between \(spot.item(early).location) (ending \(first.window.end)) and this pin, below minRestHours \(format(rules.minRestHours))",
                        "leave at least \(format(rules.minRestHours)) h between the two pins, or remove one")
                }
            }
        }
    }

    // MARK: horizon

    private func readHorizon(_ value: Value, at spot: Spot) throws(ScenarioError) -> Horizon {
        let fields = try Fields(value, at: spot, allowed: ["start", "end", "slotMinutes"], what: "the horizon")
        let start = try parseTimestamp(try fields.required("start", "\"2026-05-30T12:00:00+02:00\"").string(at: fields.at("start")),
                                       at: fields.at("start"))
        let end = try parseTimestamp(try fields.required("end", "\"2026-05-31T02:00:00+02:00\"").string(at: fields.at("end")),
                                     at: fields.at("end"))
        let slot = try fields.required("slotMinutes", "15").integer(at: fields.at("slotMinutes"), in: 1...1440)
        guard start.epochSeconds % 60 == 0 else {
            throw fields.at("start").fail("the horizon starts at \(start), not on a whole minute", "drop the seconds")
        }
        guard start < end else {
            throw fields.at("end").fail(start == end ? "the horizon is empty (end equals start)" : "the horizon ends (\(end)) before it starts (\(start))",
                                        "the end must come after the start")
        }
        let seconds = end.epochSeconds - start.epochSeconds
        guard seconds <= Int64(Self.maximumHorizonDays) * 86400 else {
            throw fields.at("end").fail("the horizon is longer than \(Self.maximumHorizonDays) days",
                                        "plan a shorter period")
        }
        guard seconds % (Int64(slot) * 60) == 0 else {
            throw fields.at("slotMinutes").fail("\(slot)-minute slots do not divide the horizon (\(format(Double(seconds) / 60)) minutes)",
                                                "choose a slot length that divides the horizon, or move its end")
        }
        guard seconds / (Int64(slot) * 60) <= Self.maximumSlots else {
            throw fields.at("slotMinutes").fail("the horizon has \(seconds / (Int64(slot) * 60)) slots, more than \(Self.maximumSlots)",
                                                "use longer slots or a shorter horizon")
        }
        return Horizon(start: start, end: end, slotMinutes: slot)
    }

    // MARK: rules

    static let ruleFields = [
        "patrolMinSize", "patrolMaxSize", "leaderCorps", "leaderStatus", "maxReservistShare",
        "reservistsPairedWithActive", "shiftTemplates", "minShiftHours", "maxShiftHours", "minRestHours",
        "weeklyHoursCap", "weeklyRestHours", "weeklyRestCorps", "breakAfterHours", "breakMinutes",
        "municipalHoursWithoutConvention",
    ]

    private func readRules(_ value: Value, at spot: Spot, grid: Grid) throws(ScenarioError) -> Rules {
        let fields = try Fields(value, at: spot, allowed: Self.ruleFields, what: "the rules")
        var rules = Rules()
        let sizes = 1...Self.maximumPatrolSize
        if let v = fields.optional("patrolMinSize") { rules.patrolMinSize = try v.integer(at: fields.at("patrolMinSize"), in: sizes) }
        if let v = fields.optional("patrolMaxSize") { rules.patrolMaxSize = try v.integer(at: fields.at("patrolMaxSize"), in: sizes) }
        guard rules.patrolMinSize <= rules.patrolMaxSize else {
            throw fields.at(fields.has("patrolMaxSize") ? "patrolMaxSize" : "patrolMinSize")
                .fail("patrolMinSize \(rules.patrolMinSize) is larger than patrolMaxSize \(rules.patrolMaxSize)",
                      "make patrolMinSize at most patrolMaxSize (defaults 2 and 3)")
        }
        if let v = fields.optional("leaderCorps") {
            rules.leaderCorps = try enumList(v, at: fields.at("leaderCorps"), what: "corps", allowEmpty: false)
        }
        if let v = fields.optional("leaderStatus") {
            rules.leaderStatus = try enumList(v, at: fields.at("leaderStatus"), what: "status", allowEmpty: false)
        }
        if let v = fields.optional("maxReservistShare") {
            rules.maxReservistShare = try v.number(at: fields.at("maxReservistShare"), in: 0...1)
        }
        if let v = fields.optional("reservistsPairedWithActive") {
            rules.reservistsPairedWithActive = try v.bool(at: fields.at("reservistsPairedWithActive"))
        }
        let hours = 0...Self.maximumHours
        if let v = fields.optional("minShiftHours") { rules.minShiftHours = try v.number(at: fields.at("minShiftHours"), in: hours) }
        if let v = fields.optional("maxShiftHours") { rules.maxShiftHours = try v.number(at: fields.at("maxShiftHours"), in: hours) }
        guard rules.minShiftHours <= rules.maxShiftHours else {
            throw fields.at(fields.has("maxShiftHours") ? "maxShiftHours" : "minShiftHours")
                .fail("minShiftHours \(format(rules.minShiftHours)) is larger than maxShiftHours \(format(rules.maxShiftHours))",
                      "make minShiftHours at most maxShiftHours (defaults 2 and 12)")
        }
        if let v = fields.optional("minRestHours") { rules.minRestHours = try v.number(at: fields.at("minRestHours"), in: hours) }
        if let v = fields.optional("weeklyHoursCap") { rules.weeklyHoursCap = try v.number(at: fields.at("weeklyHoursCap"), in: hours) }
        if let v = fields.optional("weeklyRestHours") {
            rules.weeklyRestHours = try v.number(at: fields.at("weeklyRestHours"), in: 0...168)
        }
        if let v = fields.optional("weeklyRestCorps") {
            rules.weeklyRestCorps = try enumList(v, at: fields.at("weeklyRestCorps"), what: "corps", allowEmpty: true)
        }
        if let v = fields.optional("breakAfterHours") {
            rules.breakAfterHours = try v.number(at: fields.at("breakAfterHours"), in: 1...Self.maximumHours)
        }
        if let v = fields.optional("breakMinutes") {
            rules.breakMinutes = try v.integer(at: fields.at("breakMinutes"), in: 0...240)
        }
        if rules.weeklyRestHours > 0 && rules.weeklyRestHours <= rules.minRestHours {
            throw fields.at(fields.has("weeklyRestHours") ? "weeklyRestHours" : "minRestHours")
                .fail("weeklyRestHours \(format(rules.weeklyRestHours)) is not longer than minRestHours \(format(rules.minRestHours))",
                      "make the weekly rest longer than the daily rest (defaults 35 and 11), or 0 to switch it off")
        }
        if Double(rules.breakMinutes) >= rules.breakAfterHours * 60 {
            throw fields.at(fields.has("breakMinutes") ? "breakMinutes" : "breakAfterHours")
                .fail("a \(rules.breakMinutes)-minute break is not shorter than the \(format(rules.breakAfterHours)) h of work it follows",
                      "make breakMinutes less than breakAfterHours × 60 (defaults 20 minutes after 6 h)")
        }
        if let v = fields.optional("municipalHoursWithoutConvention") {
            rules.municipalHoursWithoutConvention = try dailyHours(v, at: fields.at("municipalHoursWithoutConvention"))
        }

        let templatesSpot = fields.at("shiftTemplates")
        let list = try fields.required("shiftTemplates", "[{\"startTimes\": [\"05:00\", \"13:00\", \"21:00\"], \"hours\": 8}]")
            .array(at: templatesSpot)
        guard !list.isEmpty else {
            throw templatesSpot.fail("no shift templates", "add at least one, e.g. {\"startTimes\": [\"06:00\", \"14:00\"], \"hours\": 8}")
        }
        var shiftsInHorizon = 0
        for (i, item) in list.enumerated() {
            let itemSpot = templatesSpot.item(i)
            let template = try Fields(item, at: itemSpot, allowed: ["startTimes", "hours"], what: "a shift template")
            let hoursSpot = template.at("hours")
            let length = try template.required("hours", "8").number(at: hoursSpot, in: hours)
            guard length >= rules.minShiftHours && length <= rules.maxShiftHours else {
                throw hoursSpot.fail("a \(format(length))-hour shift is outside [minShiftHours, maxShiftHours] = [\(format(rules.minShiftHours)), \(format(rules.maxShiftHours))]",
                                     "change the length or the rules' minShiftHours/maxShiftHours")
            }
            let minutes = length * 60
            guard length > 0, minutes == minutes.rounded(), Int(minutes) % grid.horizon.slotMinutes == 0 else {
                throw hoursSpot.fail("a \(format(length))-hour shift is not a positive whole number of \(grid.horizon.slotMinutes)-minute slots",
                                     "use a length that is a multiple of the slot length")
            }
            let timesSpot = template.at("startTimes")
            let times = try template.required("startTimes", "[\"06:00\", \"14:00\"]").array(at: timesSpot)
            guard !times.isEmpty else { throw timesSpot.fail("no start times", "list at least one, e.g. [\"06:00\"]") }
            var starts: [TimeOfDay] = []
            for (k, t) in times.enumerated() {
                let tSpot = timesSpot.item(k)
                let time = try parseTimeOfDay(try t.string(at: tSpot), at: tSpot, allowEndOfDay: false)
                if let previous = starts.firstIndex(of: time) {
                    throw tSpot.fail("start time \(time) is listed twice (also item \(previous))", "remove the duplicate")
                }
                shiftsInHorizon += try expand(time, minutes: Int(minutes), grid: grid, at: tSpot)
                starts.append(time)
            }
            rules.shiftTemplates.append(ShiftTemplate(startTimes: starts, hours: length))
        }
        guard shiftsInHorizon > 0 else {
            throw templatesSpot.fail("no shift of any template fits inside the horizon (\(grid.horizon.start) to \(grid.horizon.end))",
                                     "add start times or shorter shifts that fit in the horizon")
        }
        return rules
    }

    /// Counts the shifts of one start time inside the horizon; each must start on the slot grid.
    private func expand(_ time: TimeOfDay, minutes: Int, grid: Grid, at spot: Spot) throws(ScenarioError) -> Int {
        let horizon = grid.horizon
        let offset = Int64(horizon.start.offsetSeconds)
        let localStart = horizon.start.epochSeconds + offset
        var day = (localStart >= 0 ? localStart : localStart - 86399) / 86400 * 86400 - offset  // UTC instant of local midnight
        var count = 0
        while day + Int64(time.minutes) * 60 < horizon.end.epochSeconds {
            let start = Timestamp(epochSeconds: day + Int64(time.minutes) * 60, offsetSeconds: horizon.start.offsetSeconds)
            if start >= horizon.start && start.adding(minutes: minutes) <= horizon.end {
                guard grid.isOnGrid(start) else {
                    throw spot.fail("the shift starting \(start) is off the \(horizon.slotMinutes)-minute slot grid (which starts at \(horizon.start))",
                                    "use start times a whole number of slots after the horizon start")
                }
                count += 1
            }
            day += 86400
        }
        return count
    }

    private func dailyHours(_ value: Value, at spot: Spot) throws(ScenarioError) -> DailyHours {
        let fields = try Fields(value, at: spot, allowed: ["start", "end"], what: "daily hours")
        let start = try parseTimeOfDay(try fields.required("start", "\"06:00\"").string(at: fields.at("start")),
                                       at: fields.at("start"), allowEndOfDay: false)
        let end = try parseTimeOfDay(try fields.required("end", "\"23:00\"").string(at: fields.at("end")),
                                     at: fields.at("end"), allowEndOfDay: true)
        guard start != end else {
            throw fields.at("end").fail("start and end are both \(start): the hours are ambiguous",
                                        "write 00:00 to 24:00 for the whole day")
        }
        return DailyHours(start: start, end: end)
    }

    // MARK: lists of names

    /// A list of enum values (`corps`, `status`), in file order, without duplicates.
    func enumList<E: RawRepresentable & CaseIterable & Equatable>(_ value: Value, at spot: Spot, what: String,
                                                                   allowEmpty: Bool) throws(ScenarioError) -> [E]
    where E.RawValue == String {
        let items = try value.array(at: spot)
        guard allowEmpty || !items.isEmpty else {
            throw spot.fail("the list is empty", "list at least one \(what): \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var result: [E] = []
        for (k, item) in items.enumerated() {
            let itemSpot = spot.item(k)
            let e: E = try parseEnum(try item.string(at: itemSpot), at: itemSpot, what: what)
            if result.contains(e) {
                throw itemSpot.fail("\(what) \(quoted(e.rawValue)) is listed twice", "remove the duplicate")
            }
            result.append(e)
        }
        return result
    }

    /// A list of names (qualifications), in file order, without duplicates.
    func nameList(_ value: Value, at spot: Spot, what: String) throws(ScenarioError) -> [String] {
        var result: [String] = []
        for (k, item) in try value.array(at: spot).enumerated() {
            let itemSpot = spot.item(k)
            let name = try checkID(try item.string(at: itemSpot), at: itemSpot, what: what)
            if result.contains(name) {
                throw itemSpot.fail("\(what) \(quoted(name)) is listed twice", "remove the duplicate")
            }
            result.append(name)
        }
        return result
    }

    // MARK: communes

    private func readCommune(_ value: Value, at spot: Spot) throws(ScenarioError) -> Commune {
        let fields = try Fields(value, at: spot, allowed: ["id", "name", "convention"], what: "a commune")
        let id = try checkID(try fields.required("id", "\"saint-denis\"").string(at: fields.at("id")), at: fields.at("id"), what: "commune id")
        let name = try fields.required("name", "\"Saint-Denis\"").text(at: fields.at("name"))
        var convention: Convention?
        if let v = fields.optional("convention") {
            if case .null = v {
                convention = nil
            } else {
                let c = try Fields(v, at: fields.at("convention"), allowed: ["jointPatrols", "hours", "armed"],
                                   what: "a convention (or null)")
                convention = Convention(
                    jointPatrols: try c.required("jointPatrols", "true").bool(at: c.at("jointPatrols")),
                    hours: try dailyHours(try c.required("hours", "{\"start\": \"06:00\", \"end\": \"02:00\"}"), at: c.at("hours")),
                    armed: try c.required("armed", "false").bool(at: c.at("armed")))
            }
        }
        return Commune(id: id, name: name, convention: convention)
    }

    // MARK: patrol templates

    private func readRequirement(_ fields: Fields) throws(ScenarioError) -> RoleRequirement {
        let corps: [Corps] = try enumList(try fields.required("corps", "[\"national-police\"]"), at: fields.at("corps"),
                                          what: "corps", allowEmpty: false)
        let status: [LegalStatus] = try fields.optional("status").map { v throws(ScenarioError) in
            try enumList(v, at: fields.at("status"), what: "status", allowEmpty: true)
        } ?? []
        let qualifications = try fields.optional("qualifications").map { v throws(ScenarioError) in
            try nameList(v, at: fields.at("qualifications"), what: "qualification")
        } ?? []
        let sex: Sex? = try fields.optional("sex").map { v throws(ScenarioError) in
            try parseEnum(try v.string(at: fields.at("sex")), at: fields.at("sex"), what: "sex")
        }
        return RoleRequirement(corps: corps, status: status, qualifications: qualifications, sex: sex)
    }

    private func readTemplate(_ value: Value, at spot: Spot, rules: Rules) throws(ScenarioError) -> PatrolTemplate {
        let fields = try Fields(value, at: spot, allowed: ["id", "roles"], what: "a patrol template")
        let id = try checkID(try fields.required("id", "\"mixed\"").string(at: fields.at("id")), at: fields.at("id"),
                             what: "patrol template id")
        let rolesSpot = fields.at("roles")
        let items = try fields.required("roles", "[{\"id\": \"leader\", \"count\": 1, \"corps\": [...], \"status\": [...]}]")
            .array(at: rolesSpot)
        guard !items.isEmpty else {
            throw rolesSpot.fail("no roles", "list the roles, the leader's first")
        }
        var roles: [PatrolRole] = []
        for (k, item) in items.enumerated() {
            let roleSpot = rolesSpot.item(k)
            let role = try Fields(item, at: roleSpot, allowed: ["id", "count", "corps", "status", "qualifications", "sex"],
                                  what: "a patrol role")
            let roleID = try checkID(try role.required("id", "\"leader\"").string(at: role.at("id")), at: role.at("id"), what: "role id")
            if let previous = roles.firstIndex(where: { $0.id == roleID }) {
                throw role.at("id").fail("role id \(quoted(roleID)) is used twice in this template (also roles[\(previous)])",
                                         "give each role its own id")
            }
            let count = try role.required("count", "1").integer(at: role.at("count"), in: 1...Self.maximumPatrolSize)
            let requirement = try readRequirement(role)
            if k == 0 {
                guard count == 1 else {
                    throw role.at("count").fail("the first role is the leader's and must have count 1, not \(count)",
                                                "set count 1, or move the leader role first")
                }
                for (c, corps) in requirement.corps.enumerated() where !rules.leaderCorps.contains(corps) {
                    throw role.at("corps").item(c).fail("the first role is the leader's, and corps \(quoted(corps.rawValue)) may not lead",
                                                        "list only corps from rules.leaderCorps (\(rules.leaderCorps.map(\.rawValue).joined(separator: ", ")))")
                }
                guard !requirement.status.isEmpty else {
                    throw roleSpot.fail("the first role is the leader's, but it admits any status",
                                        "add \"status\" with statuses from rules.leaderStatus (\(rules.leaderStatus.map(\.rawValue).joined(separator: ", ")))")
                }
                for (s, status) in requirement.status.enumerated() where !rules.leaderStatus.contains(status) {
                    throw role.at("status").item(s).fail("the first role is the leader's, and status \(quoted(status.rawValue)) may not lead",
                                                         "list only statuses from rules.leaderStatus (\(rules.leaderStatus.map(\.rawValue).joined(separator: ", ")))")
                }
            }
            roles.append(PatrolRole(id: roleID, count: count, requirement: requirement))
        }
        let template = PatrolTemplate(id: id, roles: roles)
        guard template.size >= rules.patrolMinSize && template.size <= rules.patrolMaxSize else {
            throw rolesSpot.fail("the patrol has \(template.size) members; the rules allow \(rules.patrolMinSize) to \(rules.patrolMaxSize)",
                                 "change the role counts or the rules' patrolMinSize/patrolMaxSize")
        }
        return template
    }

    // MARK: demand

    private func readDemand(_ value: Value, at spot: Spot, grid: Grid, zones: IDIndex, templates: IDIndex) throws(ScenarioError) -> Demand {
        let fields = try Fields(value, at: spot, allowed: ["id", "zone", "start", "end", "priority", "publicOrder", "patrols", "post"],
                                what: "a demand")
        let id = try checkID(try fields.required("id", "\"d-gate-a\"").string(at: fields.at("id")), at: fields.at("id"), what: "demand id")
        let zone = try zones.resolve(try fields.required("zone", "\"a zone id\"").string(at: fields.at("zone")), at: fields.at("zone"))
        let window = try grid.window(
            start: try fields.required("start", "\"2026-05-30T18:00:00+02:00\"").string(at: fields.at("start")),
            end: try fields.required("end", "\"2026-05-30T23:00:00+02:00\"").string(at: fields.at("end")),
            startSpot: fields.at("start"), endSpot: fields.at("end"))
        let priority = try fields.required("priority", "1000").number(at: fields.at("priority"), in: 0...Self.maximumPriority)
        let publicOrder = try fields.optional("publicOrder").map { v throws(ScenarioError) in try v.bool(at: fields.at("publicOrder")) } ?? false
        let need: Demand.Need
        let count: Int
        switch (fields.optional("patrols"), fields.optional("post")) {
        case (.some, .some):
            throw fields.at("post").fail("a demand has both 'patrols' and 'post'", "split it into two demands")
        case (.none, .none):
            throw spot.fail("missing required field 'patrols' (or 'post')",
                            "add \"patrols\": {\"template\": ..., \"count\": 1} or \"post\": {\"role\": ..., \"count\": 1, \"corps\": [...]}")
        case (.some(let v), .none):
            let patrols = try Fields(v, at: fields.at("patrols"), allowed: ["template", "count"], what: "a patrol need")
            let template = try templates.resolve(try patrols.required("template", "\"a template id\"").string(at: patrols.at("template")),
                                                 at: patrols.at("template"))
            count = try patrols.required("count", "1").integer(at: patrols.at("count"), in: 0...Self.maximumCount)
            need = .patrols(template: template)
        case (.none, .some(let v)):
            let post = try Fields(v, at: fields.at("post"), allowed: ["role", "count", "corps", "status", "qualifications", "sex"],
                                  what: "a post")
            let role = try checkID(try post.required("role", "\"search-f\"").string(at: post.at("role")), at: post.at("role"), what: "post role")
            count = try post.required("count", "1").integer(at: post.at("count"), in: 0...Self.maximumCount)
            need = .post(role: role, requirement: try readRequirement(post))
        }
        return Demand(id: id, zone: zone, window: window, need: need, count: count, priority: priority, publicOrder: publicOrder)
    }

    /// Two demands for the same zone and the same template (or post role) must not overlap.
    private func checkOverlaps(_ demands: [Demand], zones: [Zone], templates: [PatrolTemplate], at spot: Spot) throws(ScenarioError) {
        struct Key: Hashable {
            let zone: Int
            let template: Int
            let role: String
        }
        var groups: [Key: [Int]] = [:]
        var order: [Key] = []
        for (i, demand) in demands.enumerated() {
            let key: Key
            switch demand.need {
            case .patrols(let template): key = Key(zone: demand.zone, template: template, role: "")
            case .post(let role, _): key = Key(zone: demand.zone, template: -1, role: role)
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        for key in order {
            let members = groups[key]!
            guard members.count > 1 else { continue }
            let sorted = members.sorted { (demands[$0].window.start, $0) < (demands[$1].window.start, $1) }
            var latest = sorted[0]
            for index in sorted.dropFirst() {
                if demands[index].window.start < demands[latest].window.end {
                    let (first, second) = (min(latest, index), max(latest, index))
                    let what = key.template >= 0 ? "template \(quoted(templates[key.template].id))" : "post role \(quoted(key.role))"
                    let other = demands[first]
                    throw spot.item(second).fail(
                        "demand \(quoted(demands[second].id)) overlaps \(spot.item(first).location) (\(quoted(other.id)), \(other.window.start) to \(other.window.end)) for zone \(quoted(zones[key.zone].id)) and \(what)",
                        "make the windows disjoint, or merge the two demands into one")
                }
                if demands[index].window.end > demands[latest].window.end { latest = index }
            }
        }
    }
}

/// Ids of one list: unique, and resolved to their index.
struct IDIndex {
    let what: String
    /// How a message names the list: `$.zones`.
    let list: String
    private(set) var index: [String: Int] = [:]
    private(set) var ids: [String] = []
    /// Where each id was given when not at `list[i]`: the line in the CSV people file.
    private var lines: [Int: Int] = [:]

    init(what: String, list: String) {
        self.what = what
        self.list = list
    }

    /// Adds the next id; `line` when it comes from a CSV row rather than from `list[ids.count]`.
    mutating func add(_ id: String, at spot: @autoclosure () -> Spot, line: Int? = nil) throws(ScenarioError) {
        if let previous = index.updateValue(ids.count, forKey: id) {
            index[id] = previous
            let origin = lines[previous].map { "line \($0)" } ?? "\(list)[\(previous)]"
            throw spot().fail("duplicate \(what) id \(quoted(id)) (already used at \(origin))",
                              "ids must be unique within \(list)\(list == "$.people" ? " and the peopleFile" : "")")
        }
        if let line { lines[ids.count] = line }
        ids.append(id)
    }

    func resolve(_ id: String, at spot: @autoclosure () -> Spot) throws(ScenarioError) -> Int {
        if let i = index[id] { return i }
        if ids.isEmpty {
            throw spot().fail("unknown \(what) \(quoted(id)): \(list) is empty", "add it to \(list)")
        }
        throw spot().fail("unknown \(what) \(quoted(id))", "use one of the ids in \(list)\(hint(id, ids))")
    }
}
