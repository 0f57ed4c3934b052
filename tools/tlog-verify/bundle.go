package main

import (
	"encoding/json"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// proofBundle is Liuhen's offline proof file (format liuhen-log-proofs/1), carried by every
// evidence copy as log-proofs.json: a signed checkpoint and, per audit event, the exact leaf
// bytes and their inclusion path in the tree of that checkpoint.
type proofBundle struct {
	Format      string `json:"format"`
	Checkpoint  string `json:"checkpoint"`
	VerifierKey string `json:"verifierKey"`
	TreeSize    int64  `json:"treeSize"`
	Proofs      []struct {
		AuditSeq  int64    `json:"auditSeq"`
		LeafIndex int64    `json:"leafIndex"`
		LeafData  string   `json:"leafData"`
		Hashes    []string `json:"hashes"`
	} `json:"proofs"`
	NotYetLogged []int64 `json:"notYetLogged"`
}

// checkBundle verifies the bundle's checkpoint with the key given on the command line (never the
// one inside the bundle, which is only compared), then each event: its leaf hash is computed here
// from the bytes (tlog.RecordHash, RFC 6962 0x00 prefix) and its path checked with tlog.CheckRecord.
func checkBundle(rep *report, label string, body []byte, v note.Verifier, vkey, origin string, trees map[int64]tlog.Hash) {
	var b proofBundle
	if err := json.Unmarshal(body, &b); err != nil || b.Format != "liuhen-log-proofs/1" {
		rep.fail("bundle %s: not a liuhen-log-proofs/1 file", label)
		return
	}
	if strings.TrimSpace(b.VerifierKey) != strings.TrimSpace(vkey) {
		rep.fail("bundle %s: names another log key (%s) than the one given", label, b.VerifierKey)
	}
	cp, ok := openCheckpoint(rep, label, []byte(b.Checkpoint), v, origin, trees)
	if !ok {
		return
	}
	if cp.size != b.TreeSize {
		rep.fail("bundle %s: says tree size %d, its checkpoint %d", label, b.TreeSize, cp.size)
		return
	}
	for _, p := range b.Proofs {
		hashes, err := parseHashes(p.Hashes)
		if err != nil {
			rep.fail("bundle %s: event %d: malformed hash", label, p.AuditSeq)
			continue
		}
		leaf := tlog.RecordHash([]byte(p.LeafData))
		if err := tlog.CheckRecord(tlog.RecordProof(hashes), cp.size, cp.root, p.LeafIndex, leaf); err != nil {
			rep.fail("bundle %s: event %d (leaf %d) is not in tree %d: %v", label, p.AuditSeq, p.LeafIndex, cp.size, err)
			continue
		}
		rep.ok("bundle %s: event %d is leaf %d of tree %d", label, p.AuditSeq, p.LeafIndex, cp.size)
	}
	for _, seq := range b.NotYetLogged {
		rep.fail("bundle %s: event %d was not yet in the log, nothing proves it", label, seq)
	}
}
