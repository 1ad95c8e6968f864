"""Loopback listeners that count every connection: a server an attacker wants Copydesk to reach."""

import contextlib
import socket
import threading

FEED = b'{"items": []}'


class Listener:
    """Accepts on one port at several loopback addresses; keeps the first bytes of each connection."""

    def __init__(self, addresses=("127.0.0.1", "127.0.0.2", "::1")):
        self.received, self.sockets = [], []
        first = socket.create_server((addresses[0], 0))
        self.port = first.getsockname()[1]
        self.sockets.append(first)
        for address in addresses[1:]:
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            # An address unavailable here (no IPv6) cannot be connected to either.
            with contextlib.suppress(OSError):
                self.sockets.append(socket.create_server((address, self.port), family=family))
        for server in self.sockets:
            threading.Thread(target=self._serve, args=(server,), daemon=True).start()

    def _serve(self, server):
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return  # closed
            with connection:
                connection.settimeout(2)
                try:
                    self.received.append(connection.recv(65536))
                    connection.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
                        b"Connection: close\r\n\r\n%s" % (len(FEED), FEED)
                    )
                except OSError:
                    self.received.append(b"")

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/feed"

    def close(self):
        for server in self.sockets:
            server.close()


class Redirector(Listener):
    """Answers every request with a redirect to the address in its path: /to/<url>."""

    def __init__(self, address="127.0.0.3"):
        super().__init__((address,))
        self.address = address

    def _serve(self, server):
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            with connection:
                connection.settimeout(2)
                try:
                    request = connection.recv(65536)
                    self.received.append(request)  # each redirect the fetcher followed here
                    target = request.split(b" ", 2)[1].removeprefix(b"/to/")
                    connection.sendall(
                        b"HTTP/1.1 302 Found\r\nLocation: %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        % target
                    )
                except (OSError, IndexError):
                    pass

    def to(self, target):
        return f"http://{self.address}:{self.port}/to/{target}"
