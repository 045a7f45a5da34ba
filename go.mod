module github.com/kqlkit/kqlkit

go 1.26.8

require (
	github.com/alecthomas/kong v1.17.0
	github.com/alecthomas/participle/v2 v2.1.4
	gopkg.in/yaml.v3 v3.0.1
)

require github.com/golang/geo v0.0.0-20260818125358-b200a1149890
