/// A French department as the generator uses it: INSEE code, name, an approximate centre, an
/// approximate population and whether it has a sea coast.
public struct FrenchDepartment: Sendable, Equatable {
    /// INSEE code: "01" ... "95" (with "2A" and "2B" for Corsica), "971" ... "976".
    public var id: String
    public var name: String
    /// Approximate geographic centre (for Guyane, the populated coast around Cayenne).
    public var centre: Location
    /// Approximate population, thousands (census 2021, rounded).
    public var population: Int
    /// Has a sea coast (beach and tourism security in summer, nautical missions).
    public var coastal: Bool
    /// Overseas (971-976): no July-August peak.
    public var overseas: Bool
    /// How far from the centre homes and missions are scattered, degrees of latitude (± this).
    public var spread: Double

    public init(id: String, name: String, centre: Location, population: Int, coastal: Bool, overseas: Bool, spread: Double) {
        self.id = id
        self.name = name
        self.centre = centre
        self.population = population
        self.coastal = coastal
        self.overseas = overseas
        self.spread = spread
    }

    /// A metropolitan coastal department: summer brings beach and tourism missions.
    public var hasSummerPeak: Bool { coastal && !overseas }

    /// The 101 departments: the 96 metropolitan ones in INSEE order (01 ... 19, 2A, 2B, 21 ... 95),
    /// then the 5 overseas ones (971 ... 974, 976). Centres and populations are approximate.
    public static let all: [FrenchDepartment] = table.map { row in
        FrenchDepartment(id: row.0, name: row.1, centre: Location(latitude: row.2, longitude: row.3), population: row.4,
                         coastal: row.5, overseas: row.0.count == 3, spread: row.6)
    }

    // id, name, lat, lon, population (thousands), coastal, spread (degrees)
    private static let table: [(String, String, Double, Double, Int, Bool, Double)] = [
        ("01", "Ain", 46.07, 5.35, 660, false, 0.4),
        ("02", "Aisne", 49.56, 3.56, 525, false, 0.4),
        ("03", "Allier", 46.39, 3.19, 335, false, 0.4),
        ("04", "Alpes-de-Haute-Provence", 44.10, 6.24, 166, false, 0.4),
        ("05", "Hautes-Alpes", 44.66, 6.26, 141, false, 0.35),
        ("06", "Alpes-Maritimes", 43.94, 7.12, 1097, true, 0.3),
        ("07", "Ardèche", 44.75, 4.42, 330, false, 0.4),
        ("08", "Ardennes", 49.62, 4.64, 268, false, 0.35),
        ("09", "Ariège", 42.92, 1.50, 155, false, 0.3),
        ("10", "Aube", 48.30, 4.16, 310, false, 0.35),
        ("11", "Aude", 43.10, 2.41, 375, true, 0.35),
        ("12", "Aveyron", 44.28, 2.68, 280, false, 0.4),
        ("13", "Bouches-du-Rhône", 43.54, 5.09, 2048, true, 0.3),
        ("14", "Calvados", 49.09, -0.36, 697, true, 0.3),
        ("15", "Cantal", 45.05, 2.67, 144, false, 0.35),
        ("16", "Charente", 45.72, 0.20, 352, false, 0.35),
        ("17", "Charente-Maritime", 45.78, -0.67, 657, true, 0.4),
        ("18", "Cher", 47.06, 2.49, 300, false, 0.4),
        ("19", "Corrèze", 45.36, 1.88, 240, false, 0.35),
        ("2A", "Corse-du-Sud", 41.86, 8.99, 160, true, 0.3),
        ("2B", "Haute-Corse", 42.39, 9.21, 184, true, 0.3),
        ("21", "Côte-d'Or", 47.42, 4.77, 535, false, 0.4),
        ("22", "Côtes-d'Armor", 48.44, -2.86, 602, true, 0.35),
        ("23", "Creuse", 46.09, 2.02, 115, false, 0.35),
        ("24", "Dordogne", 45.10, 0.74, 413, false, 0.4),
        ("25", "Doubs", 47.17, 6.36, 545, false, 0.35),
        ("26", "Drôme", 44.68, 5.17, 520, false, 0.4),
        ("27", "Eure", 49.11, 0.99, 600, false, 0.35),
        ("28", "Eure-et-Loir", 48.39, 1.37, 431, false, 0.35),
        ("29", "Finistère", 48.26, -4.06, 918, true, 0.3),
        ("30", "Gard", 43.99, 4.18, 752, true, 0.35),
        ("31", "Haute-Garonne", 43.36, 1.17, 1430, false, 0.4),
        ("32", "Gers", 43.69, 0.45, 192, false, 0.35),
        ("33", "Gironde", 44.83, -0.57, 1654, true, 0.45),
        ("34", "Hérault", 43.58, 3.37, 1191, true, 0.35),
        ("35", "Ille-et-Vilaine", 48.15, -1.64, 1094, true, 0.35),
        ("36", "Indre", 46.78, 1.58, 218, false, 0.35),
        ("37", "Indre-et-Loire", 47.26, 0.69, 612, false, 0.35),
        ("38", "Isère", 45.26, 5.58, 1280, false, 0.4),
        ("39", "Jura", 46.73, 5.70, 259, false, 0.35),
        ("40", "Landes", 43.97, -0.78, 420, true, 0.4),
        ("41", "Loir-et-Cher", 47.62, 1.43, 329, false, 0.35),
        ("42", "Loire", 45.73, 4.17, 766, false, 0.35),
        ("43", "Haute-Loire", 45.13, 3.81, 228, false, 0.35),
        ("44", "Loire-Atlantique", 47.36, -1.68, 1450, true, 0.35),
        ("45", "Loiret", 47.91, 2.34, 684, false, 0.35),
        ("46", "Lot", 44.62, 1.60, 174, false, 0.35),
        ("47", "Lot-et-Garonne", 44.37, 0.46, 331, false, 0.35),
        ("48", "Lozère", 44.52, 3.50, 77, false, 0.3),
        ("49", "Maine-et-Loire", 47.39, -0.56, 820, false, 0.35),
        ("50", "Manche", 49.08, -1.33, 495, true, 0.4),
        ("51", "Marne", 48.95, 4.24, 566, false, 0.4),
        ("52", "Haute-Marne", 48.11, 5.23, 170, false, 0.35),
        ("53", "Mayenne", 48.15, -0.65, 307, false, 0.3),
        ("54", "Meurthe-et-Moselle", 48.79, 6.17, 734, false, 0.35),
        ("55", "Meuse", 48.99, 5.38, 183, false, 0.4),
        ("56", "Morbihan", 47.85, -2.81, 764, true, 0.35),
        ("57", "Moselle", 49.04, 6.66, 1047, false, 0.35),
        ("58", "Nièvre", 47.12, 3.50, 202, false, 0.35),
        ("59", "Nord", 50.45, 3.22, 2611, true, 0.35),
        ("60", "Oise", 49.41, 2.43, 830, false, 0.3),
        ("61", "Orne", 48.62, 0.13, 278, false, 0.35),
        ("62", "Pas-de-Calais", 50.49, 2.29, 1461, true, 0.35),
        ("63", "Puy-de-Dôme", 45.73, 3.14, 664, false, 0.4),
        ("64", "Pyrénées-Atlantiques", 43.26, -0.76, 687, true, 0.35),
        ("65", "Hautes-Pyrénées", 43.05, 0.16, 230, false, 0.3),
        ("66", "Pyrénées-Orientales", 42.60, 2.52, 482, true, 0.3),
        ("67", "Bas-Rhin", 48.67, 7.55, 1146, false, 0.35),
        ("68", "Haut-Rhin", 47.86, 7.27, 769, false, 0.3),
        ("69", "Rhône", 45.87, 4.64, 1890, false, 0.25),
        ("70", "Haute-Saône", 47.64, 6.09, 234, false, 0.35),
        ("71", "Saône-et-Loire", 46.64, 4.54, 551, false, 0.4),
        ("72", "Sarthe", 47.99, 0.22, 566, false, 0.35),
        ("73", "Savoie", 45.48, 6.44, 439, false, 0.35),
        ("74", "Haute-Savoie", 46.03, 6.43, 840, false, 0.3),
        ("75", "Paris", 48.86, 2.35, 2133, false, 0.05),
        ("76", "Seine-Maritime", 49.65, 1.03, 1255, true, 0.35),
        ("77", "Seine-et-Marne", 48.63, 2.93, 1430, false, 0.35),
        ("78", "Yvelines", 48.82, 1.85, 1450, false, 0.2),
        ("79", "Deux-Sèvres", 46.56, -0.32, 375, false, 0.35),
        ("80", "Somme", 49.96, 2.28, 570, true, 0.3),
        ("81", "Tarn", 43.79, 2.17, 392, false, 0.35),
        ("82", "Tarn-et-Garonne", 44.09, 1.28, 263, false, 0.3),
        ("83", "Var", 43.46, 6.22, 1090, true, 0.35),
        ("84", "Vaucluse", 44.01, 5.18, 563, false, 0.25),
        ("85", "Vendée", 46.67, -1.30, 695, true, 0.35),
        ("86", "Vienne", 46.56, 0.46, 440, false, 0.4),
        ("87", "Haute-Vienne", 45.89, 1.24, 372, false, 0.35),
        ("88", "Vosges", 48.20, 6.38, 362, false, 0.35),
        ("89", "Yonne", 47.84, 3.56, 335, false, 0.4),
        ("90", "Territoire de Belfort", 47.63, 6.93, 141, false, 0.12),
        ("91", "Essonne", 48.52, 2.24, 1310, false, 0.2),
        ("92", "Hauts-de-Seine", 48.85, 2.25, 1630, false, 0.06),
        ("93", "Seine-Saint-Denis", 48.91, 2.48, 1660, false, 0.07),
        ("94", "Val-de-Marne", 48.78, 2.47, 1410, false, 0.07),
        ("95", "Val-d'Oise", 49.08, 2.13, 1255, false, 0.2),
        ("971", "Guadeloupe", 16.20, -61.55, 384, true, 0.15),
        ("972", "Martinique", 14.64, -61.02, 361, true, 0.12),
        ("973", "Guyane", 4.85, -52.70, 286, true, 0.3),
        ("974", "La Réunion", -21.13, 55.53, 873, true, 0.18),
        ("976", "Mayotte", -12.82, 45.15, 310, true, 0.07),
    ]
}
