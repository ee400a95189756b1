"""A small real mail server on 127.0.0.1 for the tests of sending: it accepts messages,
refuses them for a while (421), refuses the address (550, "unknown"), or accepts the
connection and says nothing ("hang")."""

import socketserver
import threading


class _Session(socketserver.StreamRequestHandler):
    timeout = 30

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        server: SMTPServer = self.server.owner
        mode = server.session_started()
        if mode == "hang":
            # Like a server that accepted the connection and fell silent: the worker waits.
            server.hung.set()
            server.release.wait(60)
            return
        if mode == "refuse":
            self.reply("421 4.3.2 Service temporairement indisponible, réessayez plus tard")
            return
        self.reply("220 127.0.0.1 ESMTP test")
        while line := self.rfile.readline():
            command = line[:4].upper()
            if command in (b"EHLO", b"HELO"):
                self.reply("250 127.0.0.1")
            elif command == b"RCPT" and mode == "unknown":
                self.reply("550 5.1.1 Adresse inconnue")
            elif command in (b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                self.reply("250 OK")
            elif command == b"DATA":
                self.reply("354 Fin par <CRLF>.<CRLF>")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                server.received(b"".join(data))
                self.reply("250 OK")
            elif command == b"QUIT":
                self.reply("221 Au revoir")
                return
            else:
                self.reply("502 Commande inconnue")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class SMTPServer:
    def __init__(self, mode: str = "accept"):
        self.mode = mode
        self.messages: list[bytes] = []
        self.sessions = 0
        self.hung = threading.Event()
        self.release = threading.Event()
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Session)
        self._server.owner = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def session_started(self) -> str:
        with self._lock:
            self.sessions += 1
            return self.mode

    def received(self, message: bytes) -> None:
        with self._lock:
            self.messages.append(message)

    def __enter__(self) -> "SMTPServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(10)
