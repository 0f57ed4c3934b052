package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type checkpoint struct {
	size int64
	root tlog.Hash
	note *note.Note
}

// openCheckpoint verifies a checkpoint note's log signature (note.Open) and parses its body per
// C2SP tlog-checkpoint: origin line, decimal tree size, base64 root hash. A verified checkpoint
// is remembered by size; two verified checkpoints of one size with different roots are a fork.
func openCheckpoint(rep *report, label string, text []byte, v note.Verifier, origin string, trees map[int64]tlog.Hash) (checkpoint, bool) {
	n, err := note.Open(text, note.VerifierList(v))
	if err != nil {
		rep.fail("checkpoint %s: signature: %v", label, err)
		return checkpoint{}, false
	}
	lines := strings.SplitN(n.Text, "\n", 4)
	if len(lines) < 4 || lines[0] != origin {
		rep.fail("checkpoint %s: origin line is not %q", label, origin)
		return checkpoint{}, false
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || lines[1] != strconv.FormatInt(size, 10) {
		rep.fail("checkpoint %s: malformed tree size %q", label, lines[1])
		return checkpoint{}, false
	}
	raw, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(raw) != tlog.HashSize {
		rep.fail("checkpoint %s: malformed root hash", label)
		return checkpoint{}, false
	}
	var root tlog.Hash
	copy(root[:], raw)
	if prev, seen := trees[size]; seen && prev != root {
		rep.fail("checkpoint %s: FORK: size %d signed with two different roots (%s, %s)", label, size, prev, root)
		return checkpoint{}, false
	}
	trees[size] = root
	rep.ok("checkpoint %s: signed by %s, size %d, root %s", label, v.Name(), size, root)
	return checkpoint{size: size, root: root, note: n}, true
}

// checkCosignature looks among the note's other signatures for one by the witness key wkey and
// checks it per C2SP tlog-cosignature: key ID = SHA-256(name||"\n"||0x04||key)[:4], signature
// bytes = key ID || u64 big-endian time || Ed25519 over "cosignature/v1\ntime <t>\n" || body.
func checkCosignature(rep *report, cp checkpoint, wkey string) {
	parts := strings.SplitN(strings.TrimSpace(wkey), "+", 3)
	if len(parts) != 3 {
		rep.fail("cosignature %s: malformed witness key", wkey)
		return
	}
	name := parts[0]
	keyBytes, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(keyBytes) != 1+ed25519.PublicKeySize || keyBytes[0] != 0x04 {
		rep.fail("cosignature %s: witness key is not an Ed25519 cosignature/v1 key", name)
		return
	}
	pub := ed25519.PublicKey(keyBytes[1:])
	idInput := append([]byte(name+"\n\x04"), pub...)
	sum := sha256.Sum256(idInput)
	keyID := binary.BigEndian.Uint32(sum[:4])
	if parts[1] != fmt.Sprintf("%08x", keyID) {
		rep.fail("cosignature %s: witness key hash does not match its key", name)
		return
	}
	for _, s := range cp.note.UnverifiedSigs {
		if s.Name != name || s.Hash != keyID {
			continue
		}
		sig, err := base64.StdEncoding.DecodeString(s.Base64)
		if err != nil || len(sig) != 4+8+ed25519.SignatureSize {
			rep.fail("cosignature %s: malformed signature", name)
			return
		}
		t := binary.BigEndian.Uint64(sig[4:12])
		msg := []byte(fmt.Sprintf("cosignature/v1\ntime %d\n%s", t, cp.note.Text))
		if !ed25519.Verify(pub, msg, sig[12:]) {
			rep.fail("cosignature %s: signature does not verify", name)
			return
		}
		rep.ok("cosignature %s: cosigned size %d at unix time %d", name, cp.size, t)
		return
	}
	rep.fail("cosignature %s: the checkpoint carries no cosignature of this witness", name)
}

type inclusionProof struct {
	LeafIndex *int64   `json:"leafIndex"`
	TreeSize  *int64   `json:"treeSize"`
	LeafHash  string   `json:"leafHash"`
	Hashes    []string `json:"hashes"`
}

type consistencyProof struct {
	FromSize *int64   `json:"fromSize"`
	ToSize   *int64   `json:"toSize"`
	Hashes   []string `json:"hashes"`
}

func decodeStrict(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	return dec.Decode(v)
}

func parseHashes(list []string) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, 0, len(list))
	for _, s := range list {
		h, err := tlog.ParseHash(s)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, nil
}

// checkInclusion: tlog.CheckRecord against the root of the verified checkpoint of that size.
func checkInclusion(rep *report, label string, body []byte, trees map[int64]tlog.Hash) {
	var p inclusionProof
	if err := decodeStrict(body, &p); err != nil || p.LeafIndex == nil || p.TreeSize == nil {
		rep.fail("inclusion %s: malformed proof JSON", label)
		return
	}
	root, ok := trees[*p.TreeSize]
	if !ok {
		rep.fail("inclusion %s: no verified checkpoint of size %d", label, *p.TreeSize)
		return
	}
	leaf, err := tlog.ParseHash(p.LeafHash)
	hashes, err2 := parseHashes(p.Hashes)
	if err != nil || err2 != nil {
		rep.fail("inclusion %s: malformed hash", label)
		return
	}
	if err := tlog.CheckRecord(tlog.RecordProof(hashes), *p.TreeSize, root, *p.LeafIndex, leaf); err != nil {
		rep.fail("inclusion %s: leaf %d in tree %d: %v", label, *p.LeafIndex, *p.TreeSize, err)
		return
	}
	rep.ok("inclusion %s: leaf %d (%s) is in tree %d", label, *p.LeafIndex, leaf, *p.TreeSize)
}

// checkConsistency: tlog.CheckTree between two verified checkpoints (the older is a prefix).
func checkConsistency(rep *report, label string, body []byte, trees map[int64]tlog.Hash) {
	var p consistencyProof
	if err := decodeStrict(body, &p); err != nil || p.FromSize == nil || p.ToSize == nil {
		rep.fail("consistency %s: malformed proof JSON", label)
		return
	}
	from, okFrom := trees[*p.FromSize]
	to, okTo := trees[*p.ToSize]
	if !okFrom || !okTo {
		rep.fail("consistency %s: needs verified checkpoints of sizes %d and %d", label, *p.FromSize, *p.ToSize)
		return
	}
	hashes, err := parseHashes(p.Hashes)
	if err != nil {
		rep.fail("consistency %s: malformed hash", label)
		return
	}
	if err := tlog.CheckTree(tlog.TreeProof(hashes), *p.ToSize, to, *p.FromSize, from); err != nil {
		rep.fail("consistency %s: tree %d is not a prefix of tree %d: %v", label, *p.FromSize, *p.ToSize, err)
		return
	}
	rep.ok("consistency %s: tree %d is a prefix of tree %d", label, *p.FromSize, *p.ToSize)
}
