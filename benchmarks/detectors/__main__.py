import sys

from benchmarks.detectors.run import main

sys.exit(main())
