from lossmon.cli import main

# Guarded: a fork server (scan workers in watch and the app) imports the main module again, and
# must not run the command a second time inside itself.
if __name__ == "__main__":
    raise SystemExit(main())
