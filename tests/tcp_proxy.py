"""A TCP proxy the tests can cut and restore, to play a database going away.

It stands between the site and the machine's PostgreSQL: stop() closes every
connection and the listening socket (new connections are refused), start() listens
again on the same port. The database server itself is never touched.
"""

import socket
import threading


class TcpProxy:
    def __init__(self, port: int, upstream: tuple[str, int]):
        self.port = port
        self.upstream = upstream
        self.listener: socket.socket | None = None
        self.sockets: set[socket.socket] = set()
        self.lock = threading.Lock()

    def start(self) -> "TcpProxy":
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def stop(self) -> None:
        """Refuse new connections and cut every open one."""
        with self.lock:
            listener, self.listener = self.listener, None
            sockets, self.sockets = self.sockets, set()
        if listener:
            try:
                # Wakes the thread blocked in accept(); close() alone would not.
                listener.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            listener.close()
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:  # The listener was closed: stop() ran.
                return
            try:
                server = socket.create_connection(self.upstream, timeout=3)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            with self.lock:
                if self.listener is not listener:  # Stopped meanwhile.
                    client.close()
                    server.close()
                    return
                self.sockets.update((client, server))
            for source, target in ((client, server), (server, client)):
                threading.Thread(
                    target=self._pump, args=(source, target), daemon=True
                ).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        for sock in (source, target):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        with self.lock:
            self.sockets.discard(source)
        source.close()
