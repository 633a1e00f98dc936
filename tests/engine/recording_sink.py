"""A sink for the follower's sources (file tails, pipes, compressed files) that keeps what they
report, in order."""


class Recorder:
    def __init__(self):
        self.log = []

    def data(self, chunk):
        self.log.append(("data", chunk))

    def end(self):
        self.log.append(("end",))

    def restart(self):
        self.log.append(("restart",))

    def event(self, kind, message):
        self.log.append(("event", kind))

    def take(self):
        log, self.log = self.log, []
        return log
