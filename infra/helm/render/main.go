// Command render renders a Helm chart the way `helm template` does, for the subset of Helm the platform's chart uses
// (infra/helm/platform/README.md, "How it is rendered without Helm"). No Helm binary can be installed on the build
// machines, so this program uses the same engine Helm uses: Go's text/template with the Sprig function library, plus
// Helm's own functions (include, tpl, required, toYaml, fromYaml, toJson) and its built-in objects (.Values, .Release,
// .Chart, .Capabilities, .Template).
//
// Usage: render [NAME] [CHART] [-f values.yaml]... [--set a.b=c]... [--set-string a.b=c]... [-n NAMESPACE]
//
//	[--revision N] [--is-upgrade]
//
// The manifests go to stdout, each file after a `# Source:` comment as with `helm template`; errors go to stderr
// with exit code 1 (a `required` or `fail` reads "Error: execution error at (file:line:col): message").
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"

	// Debian's golang-github-masterminds-sprig-dev: Sprig v3 under its GOPATH directory (built with GO111MODULE=off).
	sprig "github.com/Masterminds/sprig"
	"gopkg.in/yaml.v3"
)

type options struct {
	name        string
	chart       string
	namespace   string
	revision    int
	upgrade     bool
	valueFiles  []string
	sets        []string
	setStrings  []string
	positionals []string
}

func main() {
	opts, err := parseArgs(os.Args[1:])
	if err == nil {
		err = run(opts, os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "Error: "+err.Error())
		os.Exit(1)
	}
}

func parseArgs(args []string) (options, error) {
	opts := options{name: "platform", chart: ".", namespace: "default", revision: 1}
	for i := 0; i < len(args); i++ {
		arg := args[i]
		value := func() (string, error) {
			if eq := strings.Index(arg, "="); eq >= 0 && strings.HasPrefix(arg, "--") {
				return arg[eq+1:], nil
			}
			if i+1 >= len(args) {
				return "", fmt.Errorf("flag %s needs a value", arg)
			}
			i++
			return args[i], nil
		}
		flag := arg
		if strings.HasPrefix(arg, "--") {
			if eq := strings.Index(arg, "="); eq >= 0 {
				flag = arg[:eq]
			}
		}
		var v string
		var err error
		switch flag {
		case "-f", "--values":
			v, err = value()
			opts.valueFiles = append(opts.valueFiles, v)
		case "--set":
			v, err = value()
			opts.sets = append(opts.sets, v)
		case "--set-string":
			v, err = value()
			opts.setStrings = append(opts.setStrings, v)
		case "-n", "--namespace":
			v, err = value()
			opts.namespace = v
		case "--revision":
			v, err = value()
			if err == nil {
				opts.revision, err = strconv.Atoi(v)
			}
		case "--default-chart":
			v, err = value()
			opts.chart = v
		case "--is-upgrade":
			opts.upgrade = true
		default:
			if strings.HasPrefix(arg, "-") {
				return opts, fmt.Errorf("unknown flag %s (this renderer knows -f, --set, --set-string, -n, --revision, --is-upgrade)", arg)
			}
			opts.positionals = append(opts.positionals, arg)
		}
		if err != nil {
			return opts, err
		}
	}
	switch len(opts.positionals) {
	case 0:
	case 1:
		opts.chart = opts.positionals[0]
	case 2:
		opts.name, opts.chart = opts.positionals[0], opts.positionals[1]
	default:
		return opts, errors.New("at most two arguments: NAME and CHART")
	}
	return opts, nil
}

func run(opts options, out io.Writer) error {
	chartMeta, err := readChart(opts.chart)
	if err != nil {
		return err
	}
	values, err := readValues(filepath.Join(opts.chart, "values.yaml"), true)
	if err != nil {
		return err
	}
	for _, file := range opts.valueFiles {
		override, err := readValues(file, false)
		if err != nil {
			return err
		}
		values = coalesce(values, override)
	}
	for _, set := range opts.sets {
		if err := applySet(values, set, true); err != nil {
			return fmt.Errorf("failed parsing --set data: %w", err)
		}
	}
	for _, set := range opts.setStrings {
		if err := applySet(values, set, false); err != nil {
			return fmt.Errorf("failed parsing --set-string data: %w", err)
		}
	}

	chartName, _ := chartMeta["Name"].(string)
	templates, err := readTemplates(opts.chart, chartName)
	if err != nil {
		return err
	}

	root := template.New("gotpl")
	root.Option("missingkey=zero")
	root.Funcs(funcMap(root))
	names := make([]string, 0, len(templates))
	for name := range templates {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if _, err := root.New(name).Parse(templates[name]); err != nil {
			return cleanup(err)
		}
	}

	release := map[string]interface{}{
		"Name":      opts.name,
		"Namespace": opts.namespace,
		"Revision":  opts.revision,
		"IsInstall": !opts.upgrade,
		"IsUpgrade": opts.upgrade,
		"Service":   "Helm",
	}
	capabilities := map[string]interface{}{
		"KubeVersion": map[string]interface{}{"Version": "v1.31.0", "Major": "1", "Minor": "31", "GitVersion": "v1.31.0"},
		"HelmVersion": map[string]interface{}{"Version": "v3.16.0"},
	}

	var rendered bytes.Buffer
	for _, name := range names {
		base := path.Base(name)
		if strings.HasPrefix(base, "_") || base == "NOTES.txt" {
			continue
		}
		data := map[string]interface{}{
			"Values":       values,
			"Release":      release,
			"Chart":        chartMeta,
			"Capabilities": capabilities,
			"Files":        map[string]interface{}{},
			"Template":     map[string]interface{}{"Name": name, "BasePath": chartName + "/templates"},
		}
		var buf strings.Builder
		if err := root.ExecuteTemplate(&buf, name, data); err != nil {
			return cleanup(err)
		}
		text := strings.ReplaceAll(buf.String(), "<no value>", "")
		if strings.TrimSpace(text) == "" {
			continue
		}
		if err := checkYAML(name, text); err != nil {
			return err
		}
		fmt.Fprintf(&rendered, "---\n# Source: %s\n%s\n", name, strings.TrimRight(strings.TrimLeft(text, "\n"), "\n \t"))
	}
	_, err = out.Write(rendered.Bytes())
	return err
}

// readChart reads Chart.yaml into the fields Helm's .Chart offers (Name, Version, AppVersion, ...).
func readChart(dir string) (map[string]interface{}, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "Chart.yaml"))
	if err != nil {
		return nil, err
	}
	var doc map[string]interface{}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("Chart.yaml: %w", err)
	}
	meta := map[string]interface{}{}
	for key, value := range doc {
		field := strings.ToUpper(key[:1]) + key[1:]
		if key == "apiVersion" {
			field = "APIVersion"
		}
		meta[field] = value
	}
	for _, required := range []string{"APIVersion", "Name", "Version"} {
		if s, _ := meta[required].(string); s == "" {
			return nil, fmt.Errorf("validation: Chart.yaml: %s is required", strings.ToLower(required[:1])+required[1:])
		}
	}
	return meta, nil
}

// readValues reads a values file as Helm does (numbers become float64, as they do through Helm's YAML-to-JSON step).
func readValues(file string, optional bool) (map[string]interface{}, error) {
	raw, err := os.ReadFile(file)
	if err != nil {
		if optional && os.IsNotExist(err) {
			return map[string]interface{}{}, nil
		}
		return nil, err
	}
	var doc map[string]interface{}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if doc == nil {
		doc = map[string]interface{}{}
	}
	normalized, _ := normalize(doc).(map[string]interface{})
	return normalized, nil
}

func normalize(v interface{}) interface{} {
	switch t := v.(type) {
	case map[string]interface{}:
		for k, e := range t {
			t[k] = normalize(e)
		}
		return t
	case []interface{}:
		for i, e := range t {
			t[i] = normalize(e)
		}
		return t
	case int:
		return float64(t)
	case int64:
		return float64(t)
	case uint64:
		return float64(t)
	default:
		return v
	}
}

// coalesce merges override into base like Helm: maps merge key by key, anything else replaces, null deletes.
func coalesce(base, override map[string]interface{}) map[string]interface{} {
	for key, value := range override {
		if value == nil {
			delete(base, key)
			continue
		}
		if sub, ok := value.(map[string]interface{}); ok {
			if existing, ok := base[key].(map[string]interface{}); ok {
				base[key] = coalesce(existing, sub)
				continue
			}
		}
		base[key] = value
	}
	return base
}

var indexed = regexp.MustCompile(`^(.*)\[(\d+)\]$`)

// applySet applies one --set argument: comma-separated key=value pairs, keys dotted (a.b.c), list items as name[0];
// `\,` and `\.` escape. Typed (--set): true/false, null and integers become those types; --set-string keeps strings.
func applySet(values map[string]interface{}, arg string, typed bool) error {
	for _, pair := range splitEscaped(arg, ',') {
		eq := strings.Index(pair, "=")
		if eq <= 0 {
			return fmt.Errorf("key %q has no value", pair)
		}
		keys := splitEscaped(pair[:eq], '.')
		raw := strings.ReplaceAll(pair[eq+1:], `\,`, ",")
		var value interface{} = raw
		if typed {
			switch {
			case raw == "true":
				value = true
			case raw == "false":
				value = false
			case raw == "null":
				value = nil
			default:
				if n, err := strconv.ParseInt(raw, 10, 64); err == nil && (raw == "0" || !strings.HasPrefix(raw, "0")) {
					value = n
				}
			}
		}
		if err := setPath(values, keys, value); err != nil {
			return fmt.Errorf("%s: %w", pair, err)
		}
	}
	return nil
}

func splitEscaped(s string, sep byte) []string {
	var parts []string
	var current strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && s[i+1] == sep {
			if sep == '.' {
				current.WriteByte(sep)
			} else {
				current.WriteString(s[i : i+2])
			}
			i++
			continue
		}
		if s[i] == sep {
			parts = append(parts, current.String())
			current.Reset()
			continue
		}
		current.WriteByte(s[i])
	}
	return append(parts, current.String())
}

func setPath(node map[string]interface{}, keys []string, value interface{}) error {
	key := keys[0]
	last := len(keys) == 1
	if m := indexed.FindStringSubmatch(key); m != nil {
		index, _ := strconv.Atoi(m[2])
		list, _ := node[m[1]].([]interface{})
		for len(list) <= index {
			list = append(list, nil)
		}
		node[m[1]] = list
		if last {
			list[index] = value
			return nil
		}
		child, ok := list[index].(map[string]interface{})
		if !ok {
			child = map[string]interface{}{}
			list[index] = child
		}
		return setPath(child, keys[1:], value)
	}
	if key == "" {
		return errors.New("empty key")
	}
	if last {
		if value == nil {
			delete(node, key)
		} else {
			node[key] = value
		}
		return nil
	}
	child, ok := node[key].(map[string]interface{})
	if !ok {
		child = map[string]interface{}{}
		node[key] = child
	}
	return setPath(child, keys[1:], value)
}

func readTemplates(chart, chartName string) (map[string]string, error) {
	dir := filepath.Join(chart, "templates")
	templates := map[string]string{}
	err := filepath.Walk(dir, func(file string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, err := filepath.Rel(chart, file)
		if err != nil {
			return err
		}
		raw, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		templates[path.Join(chartName, filepath.ToSlash(rel))] = string(raw)
		return nil
	})
	return templates, err
}

// funcMap is Sprig's text functions without env/expandenv (as in Helm) plus Helm's own.
func funcMap(root *template.Template) template.FuncMap {
	funcs := sprig.TxtFuncMap()
	delete(funcs, "env")
	delete(funcs, "expandenv")
	funcs["include"] = func(name string, data interface{}) (string, error) {
		var buf strings.Builder
		err := root.ExecuteTemplate(&buf, name, data)
		return buf.String(), err
	}
	funcs["tpl"] = func(text string, data interface{}) (string, error) {
		clone, err := root.Clone()
		if err != nil {
			return "", err
		}
		t, err := clone.New("tpl").Parse(text)
		if err != nil {
			return "", err
		}
		var buf strings.Builder
		err = t.Execute(&buf, data)
		return strings.ReplaceAll(buf.String(), "<no value>", ""), err
	}
	funcs["required"] = func(message string, value interface{}) (interface{}, error) {
		if value == nil {
			return nil, errors.New(message)
		}
		if s, ok := value.(string); ok && s == "" {
			return nil, errors.New(message)
		}
		return value, nil
	}
	funcs["toYaml"] = func(value interface{}) string {
		var buf bytes.Buffer
		encoder := yaml.NewEncoder(&buf)
		encoder.SetIndent(2)
		if err := encoder.Encode(value); err != nil {
			return ""
		}
		return strings.TrimSuffix(buf.String(), "\n")
	}
	funcs["fromYaml"] = func(text string) map[string]interface{} {
		m := map[string]interface{}{}
		if err := yaml.Unmarshal([]byte(text), &m); err != nil {
			m["Error"] = err.Error()
		}
		return m
	}
	funcs["lookup"] = func(string, string, string, string) (map[string]interface{}, error) {
		return map[string]interface{}{}, nil
	}
	return funcs
}

var (
	execLocation = regexp.MustCompile(`template: (\S+?): executing `)
	execCall     = regexp.MustCompile(`error calling (?:required|fail): `)
)

// cleanup turns a template error into Helm's wording for `required` and `fail`, naming the innermost template (the
// file of the `required`, also when an `include` reached it from another file).
func cleanup(err error) error {
	text := err.Error()
	calls := execCall.FindAllStringIndex(text, -1)
	if calls == nil {
		return err
	}
	call := calls[len(calls)-1]
	location := "unknown"
	for _, m := range execLocation.FindAllStringSubmatchIndex(text[:call[0]], -1) {
		location = text[m[2]:m[3]]
	}
	return fmt.Errorf("execution error at (%s): %s", location, text[call[1]:])
}

// checkYAML parses every document of a rendered file, as Helm does before it sends anything to the cluster.
func checkYAML(name, text string) error {
	decoder := yaml.NewDecoder(strings.NewReader(text))
	for {
		var doc interface{}
		err := decoder.Decode(&doc)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("YAML parse error on %s: %w", name, err)
		}
		if doc == nil {
			continue
		}
		if _, ok := doc.(map[string]interface{}); !ok {
			return fmt.Errorf("YAML parse error on %s: a manifest is a mapping, not %T", name, doc)
		}
	}
}
