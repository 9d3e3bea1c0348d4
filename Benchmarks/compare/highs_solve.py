"""Solves one MPS file with HiGHS (highspy) and prints one JSON line.

Usage: highs_solve.py MODEL.mps TIME_LIMIT MIP_REL_GAP
Run in its own process by compare.py, so that wall time and peak memory are per model.
"""
import json
import sys
import time

import highspy


def main() -> None:
    path, limit, gap = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", limit)
    highs.setOptionValue("mip_rel_gap", gap)
    start = time.monotonic()
    read = highs.readModel(path)
    read_seconds = time.monotonic() - start
    if read != highspy.HighsStatus.kOk and read != highspy.HighsStatus.kWarning:
        print(json.dumps({"status": "read-error", "read_seconds": read_seconds}))
        return
    lp = highs.getLp()
    is_mip = any(v != highspy.HighsVarType.kContinuous for v in lp.integrality_)
    highs.run()
    solve_seconds = time.monotonic() - start - read_seconds
    info = highs.getInfo()
    status = highs.modelStatusToString(highs.getModelStatus())
    feasible = info.primal_solution_status == 2  # kSolutionStatusFeasible
    objective = info.objective_function_value if feasible else None
    if is_mip:
        bound = info.mip_dual_bound
    else:
        bound = objective if status == "Optimal" else None
    print(json.dumps({
        "status": status,
        "mip": is_mip,
        "objective": objective,
        "bound": bound,
        "columns": lp.num_col_,
        "rows": lp.num_row_,
        "read_seconds": read_seconds,
        "solve_seconds": solve_seconds,
        "nodes": info.mip_node_count if is_mip else None,
        "version": highs.version(),
    }))


if __name__ == "__main__":
    main()
