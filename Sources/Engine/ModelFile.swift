import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GLPK
import LinearModel

/// Model file formats read and written through GLPK.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// Fixed-column MPS.
    case mps
    /// Free MPS.
    case freeMPS = "free-mps"
    /// CPLEX LP.
    case lp

    var glpk: GLPKFileFormat {
        switch self {
        case .mps: .fixedMPS
        case .freeMPS: .freeMPS
        case .lp: .cplexLP
        }
    }
}

/// A model file that could not be read or written: names the file and, where
/// GLPK gives one, the line.
public struct ModelFileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var description: String { message.hasPrefix(path) ? message : "\(path): \(message)" }
}

/// Reading and writing MPS and CPLEX LP files through GLPK's own parsers.
public enum ModelFile {
    /// Reads a model. Without `format`, `.lp` files are CPLEX LP and anything
    /// else MPS, free format first, then fixed.
    /// - Throws: `ModelFileError` for a missing or malformed file.
    public static func read(_ path: String, format: ModelFileFormat? = nil) throws -> LinearModel {
        try checkReadable(path)
        let candidates: [ModelFileFormat]
        if let format {
            candidates = [format]
        } else if path.lowercased().hasSuffix(".lp") {
            candidates = [.lp]
        } else {
            candidates = [.freeMPS, .mps]
        }
        var failures: [GLPKError] = []
        var stoppedOnCheck: ModelFileError?
        for candidate in candidates {
            let problem = try GLPKProblem()
            do {
                try problem.read(path: path, format: candidate.glpk)
            } catch let error as GLPKError where error.kind == .readFailed {
                failures.append(error)
                continue
            } catch let error as GLPKError where error.kind == .fatal {
                // GLPK's MPS reader fails an assertion, instead of naming the line, on some malformed
                // files (found by fuzzing: a column given two FX, FR or BV bounds). The shim contained
                // it; the file is still malformed, not Continuum's fault. GLPK stops there after reading
                // the syntax, so this attempt read furthest into the file: it is the one reported.
                stoppedOnCheck = ModelFileError(path: path, message:
                    "\(path): GLPK's \(candidate.rawValue) reader stopped on an internal check (\(error.message)); "
                    + "the file is malformed: look for a column given two bounds of the same kind (such as two FX, FR or BV lines)")
                continue
            }
            return try model(from: problem.content())
        }
        if let stoppedOnCheck { throw stoppedOnCheck }
        // Report the attempt that read furthest into the file.
        let best = failures.max { lineNumber(in: $0.message) < lineNumber(in: $1.message) }!
        throw ModelFileError(path: path, message: best.message)
    }

    /// Writes a model; names come from the model (GLPK's defaults otherwise).
    public static func write(_ model: LinearModel, to path: String, format: ModelFileFormat) throws {
        try model.validate()
        let problem = try GLPKProblem()
        try problem.load(model)
        if !model.columnNames.isEmpty {
            try problem.setNames((0..<model.columnCount).map { model.name(of: ColumnID($0)) }, columns: true)
        }
        if !model.rowNames.isEmpty {
            try problem.setNames((0..<model.rowCount).map { model.name(of: RowID($0)) }, columns: false)
        }
        do {
            try problem.write(path: path, format: format.glpk)
        } catch let error as GLPKError where error.kind == .writeFailed {
            throw ModelFileError(path: path, message: error.message)
        }
    }

    static func model(from content: GLPKProblem.Content) -> LinearModel {
        LinearModel(sense: content.maximize ? .maximize : .minimize, objectiveConstant: content.objectiveConstant,
                    columnLower: content.columnLower, columnUpper: content.columnUpper,
                    columnCost: content.columnCost, columnIsInteger: content.columnIsInteger,
                    rowLower: content.rowLower, rowUpper: content.rowUpper,
                    rowStart: content.rowStart, columnIndex: content.columnIndex, coefficient: content.value,
                    columnNames: content.columnNames, rowNames: content.rowNames)
    }

    private static func checkReadable(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ModelFileError(path: path, message: "no such file; check the path")
        }
        guard !isDirectory.boolValue else {
            throw ModelFileError(path: path, message: "is a directory, not a model file")
        }
        // GLPK would open a FIFO and wait for a writer forever, or read a device without end.
        var info = stat()  // follows symbolic links
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw ModelFileError(path: path, message: "is not a regular file (a pipe or a device); give a model file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ModelFileError(path: path, message: "cannot be read (permission denied)")
        }
    }

    /// The line number in GLPK's `file:LINE: message`, 0 if none.
    static func lineNumber(in message: String) -> Int {
        let parts = message.split(separator: ":", maxSplits: 2)
        guard parts.count >= 2 else { return 0 }
        return Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
    }
}
