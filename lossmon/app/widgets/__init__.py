"""The app's widgets; each renders state the app hands it and sends messages up."""
