import Engine
import Foundation
import ReservistPlanning
import ReservistScenario

// continuum-export-network SCENARIO OUT.mps
// Writes the whole call-up network of a reservist scenario (the `CallUpNetwork` that
// `ReservistPlanner` solves whole up to `monolithicArcLimit` arcs) as a free-MPS LP.
// Prints one line: vertices, arcs, seconds to build and write.
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: continuum-export-network SCENARIO OUT.mps\n".utf8))
    exit(64)
}
do {
    let start = Date()
    let scenario = try ReservistReader.read(path: arguments[1])
    let network = CallUpNetwork(scenario: scenario).network
    try ModelFile.write(network.linearModel(), to: arguments[2], format: .freeMPS)
    let limit = ReservistPlanner.monolithicArcLimit
    print("vertices \(network.vertexCount) arcs \(network.arcCount) monolithicArcLimit \(limit) "
          + "seconds \(String(format: "%.2f", Date().timeIntervalSince(start)))")
} catch {
    FileHandle.standardError.write(Data("continuum-export-network: \(error)\n".utf8))
    exit(65)
}
