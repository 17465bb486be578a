/// The JSON Schema (draft 2020-12) of the plan format, for editors that validate plan files as
/// they are typed. `amr schema` prints it; a test checks every fixture against it.
public enum PlanSchema {
    public static let text = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://github.com/amr-tools/amr/plan.schema.json",
  "title": "amr plan file",
  "description": "A regional labour-market plan (jaarplan, uitvoeringsplan, actieplan, monitor) for amr, schemaVersion 1. Amounts are exact decimals: strings such as \"159500.00\" or JSON numbers, at most 2 decimals, never in exponent notation.",
  "type": "object",
  "required": ["schemaVersion", "id", "title", "region"],
  "additionalProperties": false,
  "properties": {
    "schemaVersion": { "const": 1 },
    "id": { "$ref": "#/$defs/id" },
    "title": { "$ref": "#/$defs/text" },
    "kind": { "enum": ["jaarplan", "uitvoeringsplan", "actieplan", "monitor", "evaluatie", "begroting"], "default": "jaarplan" },
    "source": { "$ref": "#/$defs/source" },
    "region": { "$ref": "#/$defs/region" },
    "period": { "$ref": "#/$defs/period" },
    "orangeFrom": { "$ref": "#/$defs/percentage", "description": "traffic light: orange at or above this % of expected (default 80)" },
    "themes": { "type": "array", "items": { "$ref": "#/$defs/theme" } },
    "budgets": { "type": "array", "items": { "$ref": "#/$defs/budget" } },
    "allocations": { "type": "array", "items": { "$ref": "#/$defs/allocation" } },
    "grandTotals": { "type": "array", "items": { "$ref": "#/$defs/grandTotal" } },
    "tables": { "type": "array", "items": { "$ref": "#/$defs/table" } },
    "targets": { "type": "array", "items": { "$ref": "#/$defs/target" } },
    "programmes": { "type": "array", "items": { "$ref": "#/$defs/programme" } },
    "subprojects": { "type": "array", "items": { "$ref": "#/$defs/subproject" } },
    "requirements": { "type": "array", "items": { "$ref": "#/$defs/requirement" } },
    "percentages": { "type": "array", "items": { "$ref": "#/$defs/percentageStatement" } },
    "changes": { "type": "array", "items": { "$ref": "#/$defs/changeStatement" } },
    "notes": { "type": "array", "items": { "type": "string" } }
  },
  "$defs": {
    "text": { "type": "string", "minLength": 1 },
    "id": { "type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$" },
    "municipalityCode": { "type": "string", "pattern": "^GM[0-9]{4}$", "description": "CBS municipality code, e.g. GM0518" },
    "regionCode": { "type": "string", "pattern": "^AM[0-9]{2}$", "description": "CBS labour-market region code, e.g. AM19" },
    "date": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date" },
    "decimal": {
      "description": "an exact decimal in plain notation",
      "anyOf": [ { "type": "number" }, { "type": "string", "pattern": "^[-+]?[0-9]+(\\.[0-9]+)?$" } ]
    },
    "nonNegativeDecimal": {
      "anyOf": [ { "type": "number", "minimum": 0 }, { "type": "string", "pattern": "^\\+?[0-9]+(\\.[0-9]+)?$" } ]
    },
    "amount": {
      "description": "euros with at most 2 decimals: \"159500.00\" or 159500",
      "anyOf": [ { "type": "number" }, { "type": "string", "pattern": "^[-+]?[0-9]+(\\.[0-9]{1,2})?$" } ]
    },
    "count": { "anyOf": [ { "type": "integer" }, { "type": "string", "pattern": "^[0-9]+$" } ] },
    "percentage": { "anyOf": [ { "type": "number", "minimum": 0, "maximum": 100 }, { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$" } ] },
    "numberReference": {
      "description": "a number, a table's cell (the total row when row is left out), a measure of a municipality, a cluster or the region at a date, or a target",
      "anyOf": [
        { "$ref": "#/$defs/decimal" },
        { "type": "object", "required": ["table", "column"], "additionalProperties": false,
          "properties": { "table": { "$ref": "#/$defs/id" }, "column": { "$ref": "#/$defs/id" }, "row": { "type": "string" } } },
        { "type": "object", "required": ["measure"], "additionalProperties": false,
          "properties": { "measure": { "type": "string" }, "municipality": { "$ref": "#/$defs/municipalityCode" }, "cluster": { "$ref": "#/$defs/id" },
                          "date": { "$ref": "#/$defs/date" } } },
        { "type": "object", "required": ["target"], "additionalProperties": false, "properties": { "target": { "$ref": "#/$defs/id" } } }
      ]
    },
    "changeStatement": {
      "description": "a change between two dated figures the text states: the change and/or its percentage of the earlier figure",
      "type": "object", "required": ["id", "from", "to"], "additionalProperties": false,
      "anyOf": [ { "required": ["value"] }, { "required": ["percent"] } ],
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "text": { "type": "string" },
        "from": { "$ref": "#/$defs/numberReference" }, "to": { "$ref": "#/$defs/numberReference" },
        "value": { "$ref": "#/$defs/decimal" }, "percent": { "$ref": "#/$defs/decimal" },
        "approximately": { "type": "boolean", "default": false }, "source": { "$ref": "#/$defs/source" }
      }
    },
    "percentageStatement": {
      "description": "a percentage the text states on its own, with where its count and base are printed",
      "type": "object", "required": ["id", "percent"], "additionalProperties": false,
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "text": { "type": "string" }, "percent": { "$ref": "#/$defs/percentage" },
        "decimals": { "type": "integer", "minimum": 0, "maximum": 6 }, "rounding": { "enum": ["down", "nearest", "up"] },
        "approximately": { "type": "boolean", "default": false },
        "count": { "$ref": "#/$defs/numberReference" }, "base": { "$ref": "#/$defs/numberReference" }, "source": { "$ref": "#/$defs/source" }
      }
    },
    "alsoStated": {
      "description": "the same number printed elsewhere in the document; every statement must agree",
      "type": "array", "items": {
        "type": "object", "required": ["value"], "additionalProperties": false,
        "properties": {
          "value": { "$ref": "#/$defs/decimal" },
          "key": { "type": "string", "description": "which number of the object it repeats, when not its main one (percent, base, level, minimum)" },
          "year": { "type": "integer", "minimum": 1900, "maximum": 2200, "description": "the year column it repeats (budgets)" },
          "source": { "$ref": "#/$defs/source" },
          "roundedTo": { "$ref": "#/$defs/decimal", "description": "the unit the number is rounded to as printed: € 5,6 miljoen is 5600000 rounded to 100000" },
          "approximately": { "type": "boolean", "default": false, "description": "printed as an approximation (ca., ruim, bijna): agrees within 10%" },
          "upTo": { "$ref": "#/$defs/decimal", "description": "printed as a range (200–250): value is its low end, upTo its high end" }
        } } },
    "period": {
      "type": "object", "required": ["start", "end"], "additionalProperties": false,
      "properties": { "start": { "$ref": "#/$defs/date" }, "end": { "$ref": "#/$defs/date" } }
    },
    "source": {
      "type": "object", "additionalProperties": false,
      "properties": {
        "document": { "type": "string" }, "title": { "type": "string" }, "section": { "type": "string" },
        "publisher": { "type": "string" }, "published": { "$ref": "#/$defs/date" }, "url": { "type": "string" }, "note": { "type": "string" }
      }
    },
    "region": {
      "type": "object", "required": ["id", "name", "municipalities"], "additionalProperties": false,
      "properties": {
        "id": { "$ref": "#/$defs/id" },
        "code": { "$ref": "#/$defs/regionCode" },
        "name": { "$ref": "#/$defs/text" },
        "centreMunicipality": { "$ref": "#/$defs/municipalityCode" },
        "municipalities": { "type": "array", "items": { "$ref": "#/$defs/municipality" } },
        "clusters": { "type": "array", "items": { "$ref": "#/$defs/cluster" } }
      }
    },
    "municipality": {
      "type": "object", "required": ["code", "name"], "additionalProperties": false,
      "properties": {
        "code": { "$ref": "#/$defs/municipalityCode" },
        "name": { "$ref": "#/$defs/text" },
        "measures": { "type": "object", "additionalProperties": { "type": "array", "items": { "$ref": "#/$defs/observation" } } }
      }
    },
    "observation": {
      "type": "object", "required": ["value"], "additionalProperties": false,
      "properties": { "value": { "$ref": "#/$defs/nonNegativeDecimal" }, "date": { "$ref": "#/$defs/date" }, "source": { "type": "string" } }
    },
    "cluster": {
      "type": "object", "required": ["id", "name", "municipalities"], "additionalProperties": false,
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "name": { "$ref": "#/$defs/text" },
        "municipalities": { "type": "array", "items": { "$ref": "#/$defs/municipalityCode" } }
      }
    },
    "theme": {
      "type": "object", "required": ["id", "name"], "additionalProperties": false,
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "number": { "$ref": "#/$defs/count" }, "name": { "$ref": "#/$defs/text" },
        "owner": { "type": "string" }, "issueOwners": { "type": "array", "items": { "type": "string" } },
        "goals": { "type": "array", "items": { "type": "string" } }, "planning": { "type": "string" }, "source": { "$ref": "#/$defs/source" }
      }
    },
    "budget": {
      "type": "object", "required": ["id", "lines"], "additionalProperties": false,
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "title": { "type": "string" }, "source": { "$ref": "#/$defs/source" },
        "years": { "type": "array", "items": { "type": "integer", "minimum": 1900, "maximum": 2200 } },
        "lines": { "type": "array", "items": { "$ref": "#/$defs/budgetLine" } },
        "totals": { "$ref": "#/$defs/amountsByYear" },
        "total": { "$ref": "#/$defs/amount" },
        "carryOver": { "$ref": "#/$defs/carryOver" },
        "alsoStated": { "$ref": "#/$defs/alsoStated" }
      }
    },
    "amountsByYear": {
      "type": "object", "propertyNames": { "pattern": "^[0-9]{4}$" }, "additionalProperties": { "$ref": "#/$defs/amount" }
    },
    "budgetLine": {
      "type": "object", "required": ["name"], "additionalProperties": false,
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "name": { "$ref": "#/$defs/text" }, "amount": { "$ref": "#/$defs/amount" },
        "amounts": { "$ref": "#/$defs/amountsByYear" },
        "lines": { "type": "array", "items": { "$ref": "#/$defs/budgetLine" } },
        "formula": { "$ref": "#/$defs/formula" }, "note": { "type": "string" },
        "financier": { "$ref": "#/$defs/text", "description": "who pays for the line: Regio, Gemeenten, UWV, …" },
        "alsoStated": { "$ref": "#/$defs/alsoStated" }
      }
    },
    "formula": {
      "oneOf": [
        { "type": "object", "required": ["count", "unitPrice"], "additionalProperties": false,
          "properties": { "count": { "$ref": "#/$defs/nonNegativeDecimal" }, "unitPrice": { "$ref": "#/$defs/amount" } } },
        { "type": "object", "required": ["hoursPerWeek", "weeks", "rate"], "additionalProperties": false,
          "properties": { "hoursPerWeek": { "$ref": "#/$defs/nonNegativeDecimal" }, "weeks": { "$ref": "#/$defs/nonNegativeDecimal" }, "rate": { "$ref": "#/$defs/amount" } } },
        { "type": "object", "required": ["fte", "annualCost"], "additionalProperties": false,
          "properties": { "fte": { "$ref": "#/$defs/nonNegativeDecimal" }, "annualCost": { "$ref": "#/$defs/amount" }, "partOfYear": { "$ref": "#/$defs/nonNegativeDecimal" } } }
      ]
    },
    "carryOver": {
      "type": "object", "required": ["amount"], "additionalProperties": false,
      "properties": {
        "from": { "$ref": "#/$defs/count" }, "amount": { "$ref": "#/$defs/amount" },
        "parts": { "type": "array", "items": { "$ref": "#/$defs/budgetLine" } }, "note": { "type": "string" }
      }
    },
    "allocation": {
      "type": "object", "required": ["id", "key", "shares"], "additionalProperties": false,
      "anyOf": [ { "required": ["amount"] }, { "required": ["basis"] } ],
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "name": { "type": "string" }, "source": { "$ref": "#/$defs/source" },
        "year": { "$ref": "#/$defs/count" },
        "amount": { "$ref": "#/$defs/amount" },
        "basis": { "type": "object", "required": ["budget"], "additionalProperties": false,
                   "properties": { "budget": { "$ref": "#/$defs/id" }, "lessCarryOver": { "type": "boolean" } } },
        "key": { "$ref": "#/$defs/key" },
        "method": { "enum": ["largest-remainder", "dhondt", "sainte-lague"], "default": "largest-remainder" },
        "unit": { "anyOf": [ { "type": "number", "exclusiveMinimum": 0 }, { "type": "string", "pattern": "^[0-9]+(\\.[0-9]{1,2})?$" } ], "default": "0.01" },
        "statedWeightTotal": { "$ref": "#/$defs/nonNegativeDecimal" },
        "shares": { "type": "array", "items": { "$ref": "#/$defs/share" } },
        "alsoStated": { "$ref": "#/$defs/alsoStated" }
      }
    },
    "key": {
      "oneOf": [
        { "type": "object", "required": ["measure"], "additionalProperties": false,
          "properties": { "measure": { "$ref": "#/$defs/text" }, "date": { "$ref": "#/$defs/date" } } },
        { "type": "object", "required": ["measure", "source", "date"], "additionalProperties": false,
          "description": "CBS inhabitants on 1 January of a year amr carries (2020–2025), from amr's own CBS figures",
          "properties": { "measure": { "const": "inwoners" }, "source": { "const": "cbs" },
                          "date": { "$ref": "#/$defs/date", "pattern": "^[0-9]{4}-01-01$" } } },
        { "type": "object", "required": ["equal"], "additionalProperties": false, "properties": { "equal": { "const": true } } },
        { "type": "object", "required": ["stated"], "additionalProperties": false, "properties": { "stated": { "const": true } } },
        { "type": "object", "required": ["mix"], "additionalProperties": false,
          "properties": { "mix": { "type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["measure", "percent"], "additionalProperties": false,
            "properties": { "measure": { "$ref": "#/$defs/text" }, "date": { "$ref": "#/$defs/date" }, "percent": { "$ref": "#/$defs/nonNegativeDecimal" } } } } } }
      ]
    },
    "share": {
      "type": "object", "additionalProperties": false,
      "anyOf": [ { "required": ["municipality"] }, { "required": ["label"] } ],
      "properties": {
        "municipality": { "$ref": "#/$defs/municipalityCode" }, "label": { "type": "string" },
        "weight": { "$ref": "#/$defs/nonNegativeDecimal" }, "stated": { "$ref": "#/$defs/amount" }
      }
    },
    "grandTotal": {
      "type": "object", "required": ["id", "amount"], "additionalProperties": false,
      "anyOf": [ { "required": ["allocations"] }, { "required": ["budgets"] } ],
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "name": { "type": "string" }, "amount": { "$ref": "#/$defs/amount" },
        "allocations": { "type": "array", "items": { "$ref": "#/$defs/id" } },
        "budgets": { "type": "array", "items": { "$ref": "#/$defs/id" } },
        "source": { "$ref": "#/$defs/source" },
        "alsoStated": { "$ref": "#/$defs/alsoStated" }
      }
    },
    "table": {
      "description": "a table of counts: one column (rows with \"value\", a \"total\") or several (\"columns\", rows with \"values\", \"totals\")",
      "oneOf": [ { "$ref": "#/$defs/singleColumnTable" }, { "$ref": "#/$defs/columnsTable" } ]
    },
    "singleColumnTable": {
      "type": "object", "required": ["id", "rows"], "additionalProperties": false,
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "name": { "type": "string" }, "measure": { "type": "string" }, "date": { "$ref": "#/$defs/date" },
        "rows": { "type": "array", "items": {
          "type": "object", "required": ["value"], "additionalProperties": false,
          "anyOf": [ { "required": ["municipality"] }, { "required": ["cluster"] }, { "required": ["label"] } ],
          "properties": { "municipality": { "$ref": "#/$defs/municipalityCode" }, "cluster": { "$ref": "#/$defs/id" }, "label": { "type": "string" },
                          "value": { "$ref": "#/$defs/decimal" }, "note": { "type": "string" },
                          "national": { "type": "boolean", "description": "the whole country's figure beside the region's: no part of the total" } } } },
        "total": { "$ref": "#/$defs/decimal" }, "totalLabel": { "type": "string" }, "source": { "$ref": "#/$defs/source" }, "note": { "type": "string" },
        "roundedTo": { "$ref": "#/$defs/decimal", "description": "the unit every number of the table is rounded to as published (10 for UWV's counts)" }
      }
    },
    "columnsTable": {
      "type": "object", "required": ["id", "columns", "rows"], "additionalProperties": false,
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "name": { "type": "string" }, "measure": { "type": "string" }, "date": { "$ref": "#/$defs/date" },
        "columns": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/tableColumn" } },
        "rows": { "type": "array", "items": {
          "type": "object", "required": ["values"], "additionalProperties": false,
          "anyOf": [ { "required": ["municipality"] }, { "required": ["cluster"] }, { "required": ["label"] } ],
          "properties": { "municipality": { "$ref": "#/$defs/municipalityCode" }, "cluster": { "$ref": "#/$defs/id" }, "label": { "type": "string" },
                          "values": { "$ref": "#/$defs/tableCells" }, "note": { "type": "string" },
                          "national": { "type": "boolean", "description": "the whole country's figure beside the region's: no part of the total" } } } },
        "totals": { "$ref": "#/$defs/tableCells" }, "totalLabel": { "type": "string" },
        "source": { "$ref": "#/$defs/source" }, "note": { "type": "string" },
        "roundedTo": { "$ref": "#/$defs/decimal", "description": "the unit every number of the table is rounded to as published (10 for UWV's counts)" }
      }
    },
    "tableColumn": {
      "type": "object", "required": ["id"], "additionalProperties": false,
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "name": { "type": "string" }, "measure": { "type": "string" }, "category": { "type": "string" },
        "date": { "$ref": "#/$defs/date" }, "source": { "$ref": "#/$defs/source" },
        "partOf": { "$ref": "#/$defs/id", "description": "an \"of whom\" column: a part of this column, not added to the row total" },
        "total": { "type": "boolean", "description": "the row-total column" },
        "percent": {
          "type": "object", "required": ["count", "base"], "additionalProperties": false,
          "properties": {
            "count": { "$ref": "#/$defs/id" },
            "base": { "anyOf": [
              { "$ref": "#/$defs/id" },
              { "type": "object", "required": ["table", "column"], "additionalProperties": false,
                "properties": { "table": { "$ref": "#/$defs/id" }, "column": { "$ref": "#/$defs/id" },
                                "row": { "type": "string", "description": "one row of that table for every row (a code, cluster id or label; total for its total row)" } } },
              { "type": "object", "required": ["measure"], "additionalProperties": false,
                "properties": { "measure": { "$ref": "#/$defs/text" }, "date": { "$ref": "#/$defs/date" } } },
              { "type": "object", "required": ["value"], "additionalProperties": false,
                "properties": { "value": { "$ref": "#/$defs/decimal" } } } ] },
            "rounding": { "enum": ["down", "nearest", "up"] },
            "decimals": { "type": "integer", "minimum": 0, "maximum": 6 }
          }
        }
      }
    },
    "tableCells": {
      "type": "object", "additionalProperties": {
        "anyOf": [
          { "$ref": "#/$defs/decimal" },
          { "type": "object", "required": ["value"], "additionalProperties": false,
            "properties": { "value": { "$ref": "#/$defs/decimal" }, "date": { "$ref": "#/$defs/date" },
                            "alsoStated": { "$ref": "#/$defs/alsoStated" }, "note": { "type": "string" } } }
        ]
      }
    },
    "target": {
      "type": "object", "required": ["id", "name"], "additionalProperties": false,
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "name": { "$ref": "#/$defs/text" },
        "theme": { "$ref": "#/$defs/id" }, "programme": { "$ref": "#/$defs/id" }, "subproject": { "$ref": "#/$defs/id" },
        "cluster": { "$ref": "#/$defs/id" }, "municipality": { "$ref": "#/$defs/municipalityCode" },
        "measure": { "type": "string" }, "value": { "$ref": "#/$defs/decimal" }, "of": { "$ref": "#/$defs/decimal" },
        "percent": { "$ref": "#/$defs/percentage" }, "base": { "$ref": "#/$defs/nonNegativeDecimal" },
        "rounding": { "enum": ["down", "nearest", "up"] },
        "direction": { "enum": ["higher", "lower"], "default": "higher" },
        "cumulative": { "type": "boolean", "default": false },
        "baseline": { "type": "object", "required": ["date"], "additionalProperties": false,
                      "properties": { "date": { "$ref": "#/$defs/date" }, "value": { "$ref": "#/$defs/decimal" }, "source": { "type": "string" } } },
        "date": { "$ref": "#/$defs/date" }, "period": { "$ref": "#/$defs/period" },
        "trajectory": { "type": "array", "items": {
          "type": "object", "required": ["date"], "additionalProperties": false,
          "anyOf": [ { "required": ["value"] }, { "required": ["percent"] } ],
          "properties": { "date": { "$ref": "#/$defs/date" }, "value": { "$ref": "#/$defs/decimal" }, "percent": { "$ref": "#/$defs/percentage" },
                          "alsoStated": { "$ref": "#/$defs/alsoStated" } } } },
        "indicative": { "type": "boolean", "default": false },
        "growth": { "$ref": "#/$defs/decimal", "description": "for a target stated as a level: the growth over the baseline's value; value = baseline + growth" },
        "background": { "type": "boolean", "default": false, "description": "quoted as background or context (an earlier plan's target), not a target of this plan" },
        "parts": { "type": "array", "items": {
          "type": "object", "required": ["id", "value"], "additionalProperties": false,
          "properties": { "id": { "$ref": "#/$defs/id" }, "name": { "type": "string" }, "value": { "$ref": "#/$defs/decimal" } } } },
        "filter": { "type": "object", "additionalProperties": { "type": "string" } },
        "measurements": { "type": "array", "items": { "$ref": "#/$defs/measurement" } },
        "orangeFrom": { "$ref": "#/$defs/percentage" },
        "source": { "$ref": "#/$defs/source" }, "note": { "type": "string" },
        "alsoStated": { "$ref": "#/$defs/alsoStated" }
      }
    },
    "measurement": {
      "type": "object", "required": ["date", "value"], "additionalProperties": false,
      "properties": {
        "date": { "$ref": "#/$defs/date" }, "value": { "$ref": "#/$defs/decimal" }, "level": { "$ref": "#/$defs/decimal" },
        "kind": { "enum": ["realised", "indication", "forecast"], "default": "realised" },
        "channels": { "type": "array", "items": {
          "type": "object", "required": ["id", "value"], "additionalProperties": false,
          "properties": { "id": { "$ref": "#/$defs/id" }, "name": { "type": "string" }, "value": { "$ref": "#/$defs/nonNegativeDecimal" }, "overlapsWith": { "$ref": "#/$defs/id" },
                          "alsoStated": { "$ref": "#/$defs/alsoStated" } } } },
        "source": { "type": "string" }, "note": { "type": "string" },
        "alsoStated": { "$ref": "#/$defs/alsoStated" }
      }
    },
    "requirement": {
      "description": "a percentage the plan requires of a base above a threshold (Social Return: on average 5% of every contract of € 50.000 or more)",
      "type": "object", "required": ["id", "name", "percent"], "additionalProperties": false,
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "name": { "$ref": "#/$defs/text" }, "theme": { "$ref": "#/$defs/id" },
        "percent": { "$ref": "#/$defs/percentage" }, "of": { "type": "string" }, "minimum": { "$ref": "#/$defs/amount" },
        "average": { "type": "boolean", "default": false },
        "estimates": { "type": "array", "items": {
          "type": "object", "required": ["base", "amount"], "additionalProperties": false,
          "properties": { "label": { "type": "string" }, "base": { "$ref": "#/$defs/amount" }, "amount": { "$ref": "#/$defs/amount" }, "note": { "type": "string" } } } },
        "alsoStated": { "$ref": "#/$defs/alsoStated" },
        "source": { "$ref": "#/$defs/source" }, "note": { "type": "string" }
      }
    },
    "programme": {
      "type": "object", "required": ["id", "name"], "additionalProperties": false,
      "properties": { "id": { "$ref": "#/$defs/id" }, "name": { "$ref": "#/$defs/text" }, "note": { "type": "string" }, "source": { "$ref": "#/$defs/source" } }
    },
    "subproject": {
      "type": "object", "required": ["id", "name"], "additionalProperties": false,
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "programme": { "$ref": "#/$defs/id" }, "number": { "$ref": "#/$defs/count" },
        "name": { "$ref": "#/$defs/text" }, "description": { "type": "string" }, "owner": { "type": "string" },
        "status": { "enum": ["niet-gestart", "opdracht-verstrekt", "in-uitvoering", "op-koers", "vertraagd", "on-hold", "afgerond"] },
        "light": { "enum": ["groen", "oranje", "rood", "grijs"] },
        "note": { "type": "string" }
      }
    }
  }
}
"""# + "\n"
}
