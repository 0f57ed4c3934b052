// Command tlog-verify checks Liuhen's Merkle log with code no one on the Liuhen project wrote:
// signed checkpoints with golang.org/x/mod/sumdb/note, inclusion and consistency proofs with
// golang.org/x/mod/sumdb/tlog (RFC 6962 hashing), witness cosignatures (C2SP cosignature/v1)
// with the standard library's crypto/ed25519. It prints one line per check and exits 0 only
// when every check holds (1 when one fails, 2 on bad usage or unreadable input).
//
// Build offline with Debian's packages:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o tlog-verify ./tools/tlog-verify
//
// Files (what Liuhen's API answers):
//
//	-vkey         the log's verifier key (GET /api/log/public-key → verifierKey), or @file
//	-checkpoint   a signed checkpoint note (GET /api/log/checkpoint.txt), may carry cosignatures
//	-old-checkpoint  earlier signed checkpoints (repeatable), the other ends of consistency proofs
//	-inclusion    {leafIndex, treeSize, leafHash, hashes} (GET /api/log/proofs/inclusion), repeatable
//	-consistency  {fromSize, toSize, hashes} (GET /api/log/proofs/consistency), repeatable
//	-witness      a witness verifier key name+hash+base64(0x04||key) that must have cosigned -checkpoint
//	-bundle       an evidence copy's log-proofs.json (its checkpoint, leaf bytes and paths), repeatable
//
// Or from a running Liuhen: -url https://liuhen.example.gov.cn -leaf 0 -leaf 41 (the latest
// checkpoint with its cosignatures, GET /api/log/cosigned-checkpoint.txt, and the inclusion proofs
// are fetched; the log's and witnesses' keys must still be given, never taken from the server).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

type report struct{ failed int }

func (r *report) ok(format string, a ...any) { fmt.Printf("OK   "+format+"\n", a...) }
func (r *report) fail(format string, a ...any) {
	r.failed++
	fmt.Printf("FAIL "+format+"\n", a...)
}

func main() {
	var olds, inclusions, consistencies, witnesses, leaves, bundles listFlag
	vkey := flag.String("vkey", "", "the log's verifier key, or @file holding it")
	checkpointFile := flag.String("checkpoint", "", "signed checkpoint note file")
	origin := flag.String("origin", "", "expected origin line (default: the key name)")
	baseURL := flag.String("url", "", "Liuhen base URL to fetch the checkpoint and inclusion proofs from")
	flag.Var(&olds, "old-checkpoint", "earlier signed checkpoint note file (repeatable)")
	flag.Var(&inclusions, "inclusion", "inclusion proof JSON file (repeatable)")
	flag.Var(&consistencies, "consistency", "consistency proof JSON file (repeatable)")
	flag.Var(&witnesses, "witness", "witness verifier key that must have cosigned the checkpoint (repeatable)")
	flag.Var(&bundles, "bundle", "an evidence copy's log-proofs.json (repeatable)")
	flag.Var(&leaves, "leaf", "with -url: a leaf index whose inclusion proof to fetch and check (repeatable)")
	flag.Parse()

	if *vkey == "" || (*checkpointFile == "" && *baseURL == "" && len(bundles) == 0) {
		usage("need -vkey, and -checkpoint, -url or -bundle")
	}
	key, err := readArg(*vkey)
	if err != nil {
		usage(err.Error())
	}
	verifier, err := note.NewVerifier(strings.TrimSpace(key))
	if err != nil {
		usage("bad log verifier key: " + err.Error())
	}
	if *origin == "" {
		*origin = verifier.Name()
	}
	rep := &report{}
	trees := map[int64]tlog.Hash{}

	for _, f := range bundles {
		body, err := os.ReadFile(f)
		if err != nil {
			usage(err.Error())
		}
		checkBundle(rep, f, body, verifier, strings.TrimSpace(key), *origin, trees)
	}
	var latest checkpoint
	ok := false
	if *checkpointFile != "" || *baseURL != "" {
		var latestText []byte
		if *checkpointFile != "" {
			latestText, err = os.ReadFile(*checkpointFile)
		} else {
			latestText, err = fetch(*baseURL, "/api/log/cosigned-checkpoint.txt", nil)
		}
		if err != nil {
			usage(err.Error())
		}
		latest, ok = openCheckpoint(rep, "checkpoint", latestText, verifier, *origin, trees)
	}
	for _, w := range witnesses {
		if ok {
			checkCosignature(rep, latest, w)
		} else {
			rep.fail("cosignature %s: the checkpoint itself does not verify", w)
		}
	}
	for _, f := range olds {
		text, err := os.ReadFile(f)
		if err != nil {
			usage(err.Error())
		}
		openCheckpoint(rep, f, text, verifier, *origin, trees)
	}
	for _, f := range inclusions {
		body, err := os.ReadFile(f)
		if err != nil {
			usage(err.Error())
		}
		checkInclusion(rep, f, body, trees)
	}
	for _, l := range leaves {
		if !ok {
			rep.fail("inclusion leaf %s: no verified checkpoint to check against", l)
			continue
		}
		q := url.Values{"leafIndex": {l}, "treeSize": {strconv.FormatInt(latest.size, 10)}}
		body, err := fetch(*baseURL, "/api/log/proofs/inclusion", q)
		if err != nil {
			rep.fail("inclusion leaf %s: %v", l, err)
			continue
		}
		checkInclusion(rep, "leaf "+l, body, trees)
	}
	for _, f := range consistencies {
		body, err := os.ReadFile(f)
		if err != nil {
			usage(err.Error())
		}
		checkConsistency(rep, f, body, trees)
	}
	if rep.failed > 0 {
		fmt.Printf("%d check(s) FAILED\n", rep.failed)
		os.Exit(1)
	}
	fmt.Println("all checks hold")
}

func usage(msg string) {
	fmt.Fprintln(os.Stderr, "tlog-verify: "+msg)
	flag.Usage()
	os.Exit(2)
}

// readArg returns v itself, or the contents of the file v names after '@'.
func readArg(v string) (string, error) {
	if !strings.HasPrefix(v, "@") {
		return v, nil
	}
	b, err := os.ReadFile(v[1:])
	return string(b), err
}

func fetch(base, path string, q url.Values) ([]byte, error) {
	u := strings.TrimRight(base, "/") + path
	if q != nil {
		u += "?" + q.Encode()
	}
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(u + ": " + resp.Status)
	}
	return body, nil
}
