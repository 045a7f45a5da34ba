package eval_test

import "testing"

func TestParseKv(t *testing.T) {
	cases := []opCase{
		{name: "delimiters", query: `print str="ThreadId:458745723, Machine:Node001, Text: The service is up, Level: Info"
| parse-kv str as (Text: string, ThreadId:long, Machine: string) with (pair_delimiter=',', kv_delimiter=':')
| project-away str`, want: "Text:string,ThreadId:long,Machine:string\nThe service is up|458745723|Node001"},
		{name: "quotes", query: `print str='src=10.1.1.123 dst=10.1.1.124 bytes=125 failure="connection aborted" "event time"=2021-01-01T10:00:54'
| parse-kv str as (['event time']:datetime, src:string, dst:string, bytes:long, failure:string) with (pair_delimiter=' ', kv_delimiter='=', quote='"')
| project-away str`, want: "event time:datetime,src:string,dst:string,bytes:long,failure:string\n2021-01-01T10:00:54.0000000Z|10.1.1.123|10.1.1.124|125|connection aborted"},
		{name: "open and close quotes", query: `print str='failure=(connection aborted) (event time)=(2021-01-01 10:00:54)'
| parse-kv str as (['event time']:datetime, failure:string) with (pair_delimiter=' ', kv_delimiter='=', quote='()')
| project-away str`, want: "event time:datetime,failure:string\n2021-01-01T10:00:54.0000000Z|connection aborted"},
		{name: "escapes", query: `print str='failure="the remote host sent \\"bye!\\"" time=2021-01-01T10:00:54'
| parse-kv str as (['time']:datetime, failure:string) with (pair_delimiter=' ', kv_delimiter='=', quote='"', escape='\\')
| project-away str`, want: "time:datetime,failure:string\n2021-01-01T10:00:54.0000000Z|the remote host sent \"bye!\""},
		{name: "not greedy", query: `print str='name=John Doe phone=555 5555 city=New York'
| parse-kv str as (name:string, phone:string, city:string) with (pair_delimiter=' ', kv_delimiter='=')
| project-away str`, want: "name:string,phone:string,city:string\nJohn|555|New"},
		{name: "greedy", query: `print str='name=John Doe phone=555 5555 city=New York'
| parse-kv str as (name:string, phone:string, city:string) with (pair_delimiter=' ', kv_delimiter='=', greedy=true)
| project-away str`, want: "name:string,phone:string,city:string\nJohn Doe|555 5555|New York"},
		{name: "no delimiters", query: `print str="2021-01-01T10:00:34 [INFO] ThreadId:458745723, Machine:Node001, Text: Started"
| parse-kv str as (Text: string, ThreadId:long, Machine: string)
| project-away str`, want: "Text:string,ThreadId:long,Machine:string\nStarted|458745723|Node001"},
		{name: "no delimiters with quotes", query: `print str="ThreadId:458745723, Machine:Node001, Text: 'The service \\' is up'"
| parse-kv str as (Text: string, ThreadId:long, Machine: string) with (quote="'", escape='\\')
| project-away str`, want: "Text:string,ThreadId:long,Machine:string\nThe service ' is up|458745723|Node001"},
		{name: "regex", query: `print str=@'["referer url: https://h.com/r?d=/?h=1234", "advertiser id: 24fefbca-cf27-4d62-a623-249c2ad30c73"]'
| parse-kv str as (['referer url']:string, absent:long, ['advertiser id']: guid) with (regex=@'"([\w ]+)\s*:\s*([^"]*)"')
| project-away str`, want: "referer url:string,absent:long,advertiser id:guid\nhttps://h.com/r?d=/?h=1234|null|24fefbca-cf27-4d62-a623-249c2ad30c73"},
		{name: "bad regex", query: `print str="a" | parse-kv str as (a:string) with (regex="(a)")`, err: "exactly two groups"},
	}
	runCases(t, cases)
}
