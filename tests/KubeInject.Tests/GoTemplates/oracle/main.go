// Oracle for KubeInject's Go template front end: runs every case of cases.json through Go's text/template
// (builtin functions only) and writes expected.json, which the C# tests read. Run ./generate.sh after
// editing cases.json; the tests never need Go.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"text/template"
)

// A small pod-shaped struct tree, so cases can address data as Istio's templates do (.Spec.Containers,
// $c.Ports, .ObjectMeta.Annotations) with Go's struct semantics (missing fields are zero values).
type Port struct {
	Name          string `json:"name,omitempty"`
	ContainerPort int32  `json:"containerPort"`
	Protocol      string `json:"protocol,omitempty"`
}

type Container struct {
	Name  string `json:"name"`
	Image string `json:"image,omitempty"`
	Ports []Port `json:"ports,omitempty"`
}

type Spec struct {
	Containers         []Container `json:"containers,omitempty"`
	ServiceAccountName string      `json:"serviceAccountName,omitempty"`
}

type Meta struct {
	Name        string            `json:"name,omitempty"`
	Labels      map[string]string `json:"labels,omitempty"`
	Annotations map[string]string `json:"annotations,omitempty"`
}

type Data struct {
	ObjectMeta Meta                   `json:"ObjectMeta"`
	Spec       Spec                   `json:"Spec"`
	Values     map[string]interface{} `json:"Values"`
	Revision   string                 `json:"Revision"`
}

type Case struct {
	Name     string          `json:"name"`
	Template string          `json:"template"`
	Data     json.RawMessage `json:"data"`
	Struct   bool            `json:"struct"`
}

type Result struct {
	Output string `json:"output"`
	Error  string `json:"error,omitempty"`
}

func run(c Case) Result {
	t, err := template.New(c.Name).Parse(c.Template)
	if err != nil {
		return Result{Error: err.Error()}
	}
	var data interface{}
	if c.Struct {
		var d Data
		if len(c.Data) > 0 {
			if err := json.Unmarshal(c.Data, &d); err != nil {
				panic(err)
			}
		}
		data = d
	} else if len(c.Data) > 0 {
		if err := json.Unmarshal(c.Data, &data); err != nil {
			panic(err)
		}
	}
	var out bytes.Buffer
	if err := t.Execute(&out, data); err != nil {
		return Result{Output: out.String(), Error: err.Error()}
	}
	return Result{Output: out.String()}
}

func main() {
	raw, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var cases []Case
	if err := json.Unmarshal(raw, &cases); err != nil {
		panic(err)
	}
	results := map[string]Result{}
	names := []string{}
	for _, c := range cases {
		if _, dup := results[c.Name]; dup {
			panic(fmt.Sprintf("duplicate case %q", c.Name))
		}
		results[c.Name] = run(c)
		names = append(names, c.Name)
	}
	sort.Strings(names)
	out, _ := json.MarshalIndent(results, "", "  ")
	if err := os.WriteFile(os.Args[2], append(out, '\n'), 0o644); err != nil {
		panic(err)
	}
	fmt.Printf("%d cases\n", len(names))
}
