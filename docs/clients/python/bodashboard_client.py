"""A client of BoDashboard's REST API using only Python's standard library (urllib.request and json).

    from bodashboard_client import BoDashboardClient, BoDashboardError

    client = BoDashboardClient("http://127.0.0.1:5080", api_key=None)
    study = client.create_study({"name": "demo", "direction": "minimize", "objective": {"kind": "external"},
                                 "parameters": [{"name": "x", "type": "float", "low": -5, "high": 5}],
                                 "budget": 10})
    trial = client.ask(study["id"])                 # {"trialId": 1, "number": 0, "params": {"x": 1.3}}
    if client.report(study["id"], trial["trialId"], step=0, value=2.5):   # True: the pruner wants it stopped
        client.tell_pruned(study["id"], trial["trialId"])
    else:
        client.tell(study["id"], trial["trialId"], 1.69)
    print(client.best(study["id"]))

Documents are plain dicts and lists with the API's camelCase field names (see docs/ask-tell.md). Every error the
server answers raises BoDashboardError, which carries the RFC 7807 problem document: status, title, detail and, for a
400, the field errors, so a caller can say which field was wrong. Network failures raise urllib.error.URLError.
"""

import json
import urllib.error
import urllib.parse
import urllib.request

__all__ = ["BoDashboardClient", "BoDashboardError", "FieldError"]


class FieldError:
    """One complaint of a validation problem: the field (a JSON path such as "parameters[0].high") and a message."""

    __slots__ = ("field", "message")

    def __init__(self, field, message):
        self.field = field
        self.message = message

    def __repr__(self):
        return f"FieldError({self.field!r}, {self.message!r})"

    def __eq__(self, other):
        return isinstance(other, FieldError) and (self.field, self.message) == (other.field, other.message)


class BoDashboardError(Exception):
    """The server refused a request: 400 invalid input (see .errors), 401 API key, 404 unknown study or trial,
    409 an operation the study's state does not allow (e.g. asking a study that used its budget)."""

    def __init__(self, status, title, detail=None, errors=None, problem_type=None):
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = list(errors or [])
        self.type = problem_type
        text = f"{status} {title}"
        if detail:
            text += f": {detail}"
        elif self.errors:
            text += ": " + "; ".join(f"{e.field}: {e.message}" for e in self.errors)
        super().__init__(text)

    def errors_for(self, field):
        """The messages about one field; empty when the server did not complain about it."""
        return [e.message for e in self.errors if e.field.lower() == field.lower()]

    @classmethod
    def from_response(cls, status, reason, content_type, body):
        """Builds the error from a response: a problem document if there is one, else the status and an excerpt."""
        if "json" in (content_type or ""):
            try:
                problem = json.loads(body or "null")
            except ValueError:
                problem = None
            if isinstance(problem, dict):
                errors = []
                for field, messages in (problem.get("errors") or {}).items():
                    for message in messages if isinstance(messages, list) else [messages]:
                        errors.append(FieldError(field, str(message)))
                return cls(problem.get("status", status), problem.get("title") or reason, problem.get("detail"),
                           errors, problem.get("type"))
        excerpt = (body or "")[:500]
        if "html" in (content_type or "") or not excerpt.strip():
            excerpt = f"the server answered {status} without a problem document"
        return cls(status, reason, excerpt)


class BoDashboardClient:
    """BoDashboard's REST API: studies, the ask/report/tell loop of external studies, and the best trial."""

    API_KEY_HEADER = "X-Api-Key"

    def __init__(self, base_url="http://127.0.0.1:5080", api_key=None, timeout=60.0):
        # A trailing slash keeps a path prefix (a reverse proxy's /bo/) when joining "api/studies".
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.api_key = api_key
        self.timeout = timeout

    # -- studies ---------------------------------------------------------------------------------------------------
    def create_study(self, definition):
        """POST /api/studies: returns the study document ({"id", "name", "state", ..., "trials": []}). Settings
        left out take the server's defaults; unknown or invalid ones raise BoDashboardError 400 naming the field."""
        return self._call("POST", "api/studies", definition)

    def list_studies(self):
        """GET /api/studies: summaries (id, name, objective, sampler, direction, state, finishedTrials, budget,
        bestValue, createdAt), newest first."""
        return self._call("GET", "api/studies")

    def get_study(self, study_id):
        """GET /api/studies/{id}: the study with its trials."""
        return self._call("GET", f"api/studies/{int(study_id)}")

    def delete_study(self, study_id):
        """DELETE /api/studies/{id}: the study and its trials."""
        self._call("DELETE", f"api/studies/{int(study_id)}")

    def pause(self, study_id):
        """POST /api/studies/{id}/pause: returns the study."""
        return self._call("POST", f"api/studies/{int(study_id)}/pause")

    def resume(self, study_id):
        """POST /api/studies/{id}/resume: returns the study."""
        return self._call("POST", f"api/studies/{int(study_id)}/resume")

    def cancel(self, study_id):
        """POST /api/studies/{id}/cancel: stops the study for good; returns it."""
        return self._call("POST", f"api/studies/{int(study_id)}/cancel")

    # -- ask / report / tell ---------------------------------------------------------------------------------------
    def ask(self, study_id):
        """POST /api/studies/{id}/ask: {"trialId", "number", "params"}. 409 when the budget is used."""
        return self._call("POST", f"api/studies/{int(study_id)}/ask")

    def report(self, study_id, trial_id, step, value):
        """POST .../trials/{trialId}/report: an intermediate value (step: a non-negative integer, increasing).
        Returns True when the study's pruner wants the trial stopped (then call tell_pruned); always False for a
        study without a pruner."""
        body = {"step": int(step), "value": _finite(value)}
        return bool(self._call("POST", f"api/studies/{int(study_id)}/trials/{int(trial_id)}/report", body)["shouldPrune"])

    def tell(self, study_id, trial_id, value):
        """POST .../trials/{trialId}/tell {"value": v}: returns the finished trial."""
        return self._tell(study_id, trial_id, {"value": _finite(value)})

    def tell_failed(self, study_id, trial_id, error):
        """Tells that the evaluation failed; the trial gives no value and the study goes on."""
        return self._tell(study_id, trial_id, {"state": "failed", "error": str(error)})

    def tell_pruned(self, study_id, trial_id):
        """Tells that the trial stopped early; its last reported value stands for it."""
        return self._tell(study_id, trial_id, {"state": "pruned"})

    # -- results ---------------------------------------------------------------------------------------------------
    def best(self, study_id):
        """GET /api/studies/{id}/best: {"study", "objective", "direction", "trialNumber", "value", "params",
        "searchSpace", "exportedAt"}. 409 while no trial has completed."""
        return self._call("GET", f"api/studies/{int(study_id)}/best")

    def trials_csv(self, study_id):
        """GET /api/studies/{id}/trials.csv: all trials as CSV text."""
        return self._call("GET", f"api/studies/{int(study_id)}/trials.csv", accept="text/csv")

    # -- plumbing --------------------------------------------------------------------------------------------------
    def _tell(self, study_id, trial_id, body):
        return self._call("POST", f"api/studies/{int(study_id)}/trials/{int(trial_id)}/tell", body)

    def _call(self, method, path, body=None, accept="application/json"):
        headers = {"Accept": accept}
        data = None
        if body is not None:
            data = json.dumps(body, allow_nan=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        elif method != "GET":
            # The server takes state changes (ask, pause, delete...) only with a JSON content type, even with an
            # empty body, so that a form on another web site cannot send them.
            data = b""
            headers["Content-Type"] = "application/json"
        if self.api_key:
            headers[self.API_KEY_HEADER] = self.api_key
        request = urllib.request.Request(urllib.parse.urljoin(self.base_url, path), data=data, method=method,
                                         headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                text = response.read().decode("utf-8")
                content_type = response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            with error:
                text = error.read().decode("utf-8", errors="replace")
                raise BoDashboardError.from_response(error.code, error.reason, error.headers.get("Content-Type", ""),
                                                     text) from None
        if not text:
            return None
        return json.loads(text) if "json" in content_type else text


def _finite(value):
    value = float(value)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"must be a finite number, got {value}")
    return value
