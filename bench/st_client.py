"""A minimal Streamlit client speaking the server's own websocket protocol, with no browser: it opens a page,
changes widgets and times each script run from the request to `script_finished`.

The protocol, as Streamlit 1.67's server and front end speak it:
- the websocket is `/_stcore/stream`, with the subprotocol "streamlit" (the header's second and third entries,
  an XSRF token and a session to resume, are optional and left out);
- nothing runs until the client sends a `rerun_script` BackMsg with its ClientState: the query string, the page
  (`page_name` is the URL path on the first run, `page_script_hash` afterwards) and every widget's value;
- each run answers with `new_session` (full runs: the pages and the page's hash), `delta`s (elements, each
  widget with its id), `page_info_changed` (the query string the front end puts in the address bar) and
  `script_finished`; `auto_rerun` asks the front end to rerun a fragment every so many seconds;
- a ForwardMsg with a `ref_hash` points at a message the client said it has cached. This client declares no
  cached messages (`cached_message_hashes` stays empty), so the server sends everything in full; references are
  still counted, in case a server sends them anyway.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

WIDGETS = {"button", "button_group", "checkbox", "multiselect", "radio", "selectbox", "slider", "text_input"}
FINISHED = {"FINISHED_SUCCESSFULLY", "FINISHED_FRAGMENT_RUN_SUCCESSFULLY"}


@dataclass
class Run:
    """One script run as the client saw it: seconds from the request to its first chart and to its end."""

    started: float
    first_chart_s: float = float("nan")
    finished_s: float = float("nan")
    status: str = ""
    charts: int = 0
    exceptions: list[str] = field(default_factory=list)
    done: asyncio.Event = field(default_factory=asyncio.Event)


@dataclass
class Element:
    """An element of the page: its kind (the Element oneof, e.g. "radio"), its proto, where it was drawn, and the
    fragment that drew it ('' when the whole page did)."""

    kind: str
    proto: object
    path: tuple[int, ...]
    fragment: str = ""


class Session:
    """One browser tab's worth of Streamlit session, driven over the websocket.

    `async with Session(url) as s: await s.open("classroom", "join=ABC123")` then `s.widget(key=...)`,
    `await s.set(widget, value)` or `await s.click(widget)`. Counts bytes received, cached-message references and
    errors (exception elements, a closed connection, runs that time out)."""

    def __init__(self, url: str, timeout: float = 120) -> None:
        parts = urlsplit(url)
        self.uri = f"ws://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"
        self.timeout = timeout
        self.bytes_received = 0
        self.messages = 0
        self.cached_refs = 0
        self.errors: list[str] = []
        self.elements: dict[tuple[int, ...], Element] = {}
        self.blocks: dict[tuple[int, ...], object] = {}
        self.pages: dict[str, str] = {}  # url path → page script hash
        self.page_hash = ""
        self.query = ""
        self.fragments: dict[str, float] = {}  # fragment id → seconds between the reruns the server asked for
        self._values: dict[str, WidgetState] = {}
        self._run: Run | None = None
        self._fragment_run = False  # whether the run asked for last is a fragment's
        self._socket: ClientConnection | None = None
        self._reader: asyncio.Task | None = None

    async def __aenter__(self) -> Session:
        self._socket = await connect(  # no keepalive pings: a browser sends none, and a busy server answers late
            self.uri, subprotocols=["streamlit"], max_size=None, open_timeout=self.timeout, ping_interval=None
        )
        self._reader = asyncio.create_task(self._read())
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._socket is not None:
            await self._socket.close()
        if self._reader is not None:
            await self._reader

    @property
    def closed(self) -> bool:
        """Whether the connection has ended (the server closed it, or it broke)."""
        return self._reader is None or self._reader.done()

    async def _read(self) -> None:
        assert self._socket is not None
        try:
            async for data in self._socket:
                self.bytes_received += len(data)
                self.messages += 1
                message = ForwardMsg()
                message.ParseFromString(data)
                self._take(message)
        except ConnectionClosed as closed:
            if closed.rcvd is not None and closed.rcvd.code != 1000:
                self.errors.append(f"disconnected: {closed.rcvd.code} {closed.rcvd.reason}")
        finally:
            if self._run is not None and not self._run.done.is_set():
                self.errors.append("the connection closed during a run")
                self._run.done.set()

    def _take(self, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        run = self._run
        if kind == "ref_hash":
            self.cached_refs += 1
        elif kind == "new_session":  # the start of every run, a fragment's too: only a full run redraws the page
            self.pages = {page.url_pathname: page.page_script_hash for page in message.new_session.app_pages}
            self.page_hash = message.new_session.page_script_hash
            if not self._fragment_run:
                self.elements.clear()
                self.blocks.clear()
        elif kind == "navigation":  # st.navigation's pages: the app's own menu
            self.pages = {page.url_pathname: page.page_script_hash for page in message.navigation.app_pages}
            self.page_hash = message.navigation.page_script_hash
        elif kind == "page_not_found":
            self.errors.append(f"page not found: {message.page_not_found.page_name}")
        elif kind == "page_info_changed":
            self.query = message.page_info_changed.query_string
        elif kind == "auto_rerun":
            self.fragments[message.auto_rerun.fragment_id] = message.auto_rerun.interval
        elif kind == "delta":
            path = tuple(message.metadata.delta_path)
            delta = message.delta
            if delta.HasField("add_block"):
                self.blocks[path] = delta.add_block
            elif delta.HasField("new_element"):
                element = delta.new_element
                name = element.WhichOneof("type")
                self.elements[path] = Element(name, getattr(element, name), path, delta.fragment_id)
                if run is not None and name == "plotly_chart":
                    run.charts += 1
                    if run.charts == 1:
                        run.first_chart_s = time.perf_counter() - run.started
                if run is not None and name == "exception":
                    run.exceptions.append(f"{element.exception.type}: {element.exception.message[:160]}")
        elif kind == "script_finished" and run is not None:
            status = ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)
            if status != "FINISHED_EARLY_FOR_RERUN":  # a rerun we asked for replaced it; wait for that one
                run.status = status
                run.finished_s = time.perf_counter() - run.started
                run.done.set()

    async def rerun(self, *, page: str | None = None, trigger: WidgetState | None = None, fragment: str = "") -> Run:
        """Ask for a run (of the whole page, or of one fragment) and wait until it finishes; a run that does not
        finish within the timeout, or ends with an exception element, is recorded as an error."""
        assert self._socket is not None
        state = ClientState(query_string=self.query, page_script_hash="" if page is not None else self.page_hash)
        if page is not None:
            state.page_name = page
        if fragment:
            state.fragment_id = fragment
        self._fragment_run = bool(fragment)
        state.widget_states.widgets.extend(self._values.values())
        if trigger is not None:
            state.widget_states.widgets.append(trigger)
        message = BackMsg()
        message.rerun_script.CopyFrom(state)
        run = self._run = Run(time.perf_counter())
        try:
            await self._socket.send(message.SerializeToString())
        except ConnectionClosed:
            self.errors.append("the connection was closed before a rerun could be sent")
            return run
        try:
            await asyncio.wait_for(run.done.wait(), self.timeout)
        except TimeoutError:
            self.errors.append(f"a run did not finish within {self.timeout:.0f} s")
        if run.status and run.status not in FINISHED:
            self.errors.append(f"the run ended with {run.status}")
        self.errors += run.exceptions
        return run

    async def open(self, path: str = "", query: str = "") -> Run:
        """Open a page by its URL path ('' is the default page), with a query string, as a browser tab does."""
        self.query = query
        return await self.rerun(page=path)

    def widget(self, *, key: str | None = None, label: str | None = None, kind: str | None = None) -> Element:
        """The page's widget with this user key (its id ends with it) or this label, optionally of this kind."""
        for element in self.elements.values():
            if element.kind not in WIDGETS or (kind and element.kind != kind):
                continue
            keyed = key is not None and element.proto.id.endswith(f"-{key}")
            if keyed or (label is not None and element.proto.label == label):
                return element
        raise LookupError(f"no widget with key {key!r} / label {label!r} on the page")

    def of_kind(self, kind: str) -> list[Element]:
        """Every element of this kind on the page (e.g. "radio", "markdown"), in the order drawn."""
        return [e for _, e in sorted(self.elements.items()) if e.kind == kind]

    def text_under(self, key: str) -> list[str]:
        """The Markdown of the elements inside the container with this user key (`st.container(key=...)`)."""
        roots = [path for path, block in self.blocks.items() if block.id.endswith(f"-{key}") or block.id == key]
        return [
            element.proto.body
            for path, element in sorted(self.elements.items())
            if element.kind == "markdown" and any(path[: len(root)] == root for root in roots)
        ]

    async def set(self, widget: Element, value: object) -> Run:
        """Give a widget a value (kept for every later run, as the front end does) and wait for the rerun: of the
        widget's fragment alone when a fragment drew it, as the front end asks."""
        state = WidgetState(id=widget.proto.id)
        if widget.kind in {"multiselect"}:
            state.string_array_value.data.extend(value)
        elif widget.kind in {"radio", "selectbox", "text_input"}:
            state.string_value = value
        elif widget.kind == "checkbox":
            state.bool_value = value
        else:
            raise TypeError(f"setting a {widget.kind} is not supported")
        self._values[state.id] = state
        return await self.rerun(fragment=widget.fragment)

    async def open_tab(self, key: str, label: str) -> Run:
        """Open the tab with this label of the keyed st.tabs (a lazy one reruns to draw it), as a tap on it does."""
        ids = [b.tab_container.id for b in self.blocks.values() if b.tab_container.id.endswith(f"-{key}")]
        if not ids:
            raise LookupError(f"no tabs with key {key!r} on the page")
        state = WidgetState(id=ids[0], string_value=label)
        self._values[state.id] = state
        return await self.rerun()

    async def click(self, widget: Element) -> Run:
        """Press a button: a trigger value sent with this one rerun only."""
        return await self.rerun(trigger=WidgetState(id=widget.proto.id, trigger_value=True), fragment=widget.fragment)
