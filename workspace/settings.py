"""One typed settings object for the CLI and the service, read from POLICYKG_* environment variables."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

__all__ = ["Settings", "get_settings", "PROJECT_CORPUS", "default_data_dir"]

# The bundled corpus: the project's own corpus/ folder beside the packages.
PROJECT_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def default_data_dir() -> Path:
    """``$XDG_DATA_HOME/policykg``, else ``~/.local/share/policykg``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "policykg"


class Settings(BaseSettings):
    """Everything a run may configure; each field can be set as ``POLICYKG_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="POLICYKG_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir, description="where the graph and indexes live")
    corpus_dir: Path = Field(default=PROJECT_CORPUS, description="documents built when no data exists yet")
    encoder: str = Field(default="e5-small", description="dense encoder: e5-small or sentence-transformers:<model>")
    query_prompt: str | None = Field(
        default=None, description="sentence-transformers encoders: text put before each query (e.g. bge-zh's instruction)"
    )
    passage_prompt: str | None = Field(default=None, description="sentence-transformers encoders: text put before each passage")
    fusion: Literal["weighted", "rrf"] = Field(
        default="weighted", description="rank fusion: weighted (language-aware min-max) or rrf (reciprocal rank)"
    )
    max_query_chars: int = Field(default=1000, ge=1, description="longest accepted search query")
    max_top_k: int = Field(default=100, ge=1, description="largest k a search may ask for")
    max_body_bytes: int = Field(default=65536, ge=1024, description="largest accepted request body")
    sparql_timeout_s: float = Field(default=5.0, gt=0, description="time limit of one SPARQL query")
    sparql_max_rows: int = Field(default=10000, ge=1, description="rows returned at most by one SPARQL query")
    sparql_max_bytes: int = Field(default=4_000_000, ge=1024, description="bytes of one serialised SPARQL answer at most")
    sparql_max_memory_mb: int = Field(default=512, ge=16, description="extra memory one SPARQL query may use (MB)")
    sparql_max_concurrent: int = Field(default=2, ge=1, description="SPARQL queries evaluated at once per worker")
    sparql_queue_wait_s: float = Field(default=2.0, ge=0, description="how long a SPARQL query waits for a free slot")
    sparql_nice: int = Field(default=15, ge=0, le=19, description="CPU niceness of SPARQL evaluation (search goes first)")
    sparql_endpoint: str | None = Field(
        default=None, description="query URL of a SPARQL 1.1 server holding the graph (unset: the embedded Oxigraph store)"
    )
    sparql_update_endpoint: str | None = Field(default=None, description="its update URL, when not derivable from the query URL")
    graph_store_endpoint: str | None = Field(
        default=None, description="its Graph Store Protocol URL, when not derivable (else documents go by SPARQL Update)"
    )
    sparql_cache_ttl_s: float = Field(
        default=5.0, ge=0, description="how long views over the SPARQL server trust what they read (writes by other "
                                       "processes show after this)"
    )
    sparql_local_copy: bool = Field(
        default=False, description="views read one CONSTRUCT copy of the server's graph per process instead of "
                                   "asking the server (small graphs only)"
    )
    milvus_uri: str | None = Field(
        default=None, description="Milvus holding the search index: a milvus-lite file path ending in .db, or "
                                  "http://host:19530 for a server (unset: the embedded bm25s + FAISS index)"
    )
    cors_origins: list[str] = Field(default_factory=list, description="origins allowed to call the API")
    authority_files: Annotated[list[Path], NoDecode] = Field(
        default_factory=list,
        description="extra authority files of government bodies (W3C ORG + SKOS Turtle, like ingest/data/authority/"
                    "shanghai.ttl), or folders of *.ttl, merged with the shipped ones: a JSON list or paths joined by "
                    f"{os.pathsep!r}",
    )

    @field_validator("authority_files", mode="before")
    @classmethod
    def _split_paths(cls, value: object) -> object:
        """POLICYKG_AUTHORITY_FILES="a.ttl:cities/" or '["a.ttl", "cities/"]' → a list of paths."""
        if isinstance(value, str):
            value = value.strip()
            return json.loads(value) if value.startswith("[") else [p for p in value.split(os.pathsep) if p]
        return value
    keep_generations: int = Field(default=2, ge=1, description="how many built data generations to keep")
    ingest_jobs: int = Field(default=0, ge=0, description="processes an ingest parses and checks documents in "
                                                          "(0: one per CPU)")
    embed_batch: int = Field(default=256, ge=1, description="texts an ingest embeds at once; each batch's vectors "
                                                            "are cached before the next, so a killed ingest resumes")
    ingest_file_timeout_s: float = Field(default=120.0, gt=0, description="time one file may take to read and "
                                         "parse (each is parsed in a process of its own); a file over it is skipped")
    ingest_file_memory_mb: int = Field(default=1024, ge=64, description="memory one file's parse may take (MB, "
                                       "beyond what the parsing process starts with); a file over it is skipped")
    ingest_max_pages: int = Field(default=2000, ge=1, description="pages a PDF may have; a longer one is skipped "
                                  "before any page is read")
    ingest_max_unzipped_mb: int = Field(default=64, ge=1, description="bytes (MB) a .docx (a ZIP) may inflate to; "
                                        "a larger one is skipped before it is inflated")
    ingest_max_text_mb: int = Field(default=20, ge=1, description="size (MB) of a text, Markdown or HTML file, and "
                                    "of the text taken from any file; a larger one is skipped")
    http_header_timeout_s: float = Field(default=10.0, gt=0, description="time a client has to send a request's "
                                         "head (line and headers); a slower one is answered 408 and closed")
    http_keep_alive_s: float = Field(default=5.0, gt=0, description="how long an idle keep-alive connection is kept")
    http_max_connections: int = Field(default=1000, ge=16, description="connections one server worker holds at most "
                                      "(kept below its open-file limit); when full, the oldest one still sending its "
                                      "head is dropped, else the new one is refused with 503")
    allowed_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Host header values the API answers (comma-separated; *.example.org for "
                                          "subdomains; unset: any): refuses DNS-rebinding pages")

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value: object) -> object:
        """POLICYKG_ALLOWED_HOSTS="localhost,127.0.0.1" or '["localhost"]' → a list of host names."""
        if isinstance(value, str):
            value = value.strip()
            return json.loads(value) if value.startswith("[") else [h.strip() for h in value.split(",") if h.strip()]
        return value
    generation: Path | None = Field(
        default=None,
        description="serve this generation folder instead of the one `current` names (set by `policykg serve` "
                    "for its workers, so that all of them serve the same one)",
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process, read once (the API injects it with Depends)."""
    return Settings()
