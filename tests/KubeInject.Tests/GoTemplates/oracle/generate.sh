#!/usr/bin/env bash
# Regenerates expected.json from cases.json with Go's text/template (needs Go: apt-get install golang-go).
set -euo pipefail
cd "$(dirname "$0")"
go version
GO111MODULE=off go run main.go ../cases.json ../expected.json
