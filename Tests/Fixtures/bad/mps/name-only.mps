NAME          EMPTY
