//! The header names recognised for each [`Role`], and the mapping a header suggests.

use super::{Mapping, Role};

/// A header name reduced to lowercase ASCII letters and digits, accents removed:
/// `"Código cliente"` → `"codigocliente"`, `"Customer ID"` → `"customerid"`.
pub fn normalize_header(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'á' | 'à' | 'â' | 'ä' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'í' | 'ì' | 'î' | 'ï' => Some('i'),
            'ó' | 'ò' | 'ô' | 'ö' => Some('o'),
            'ú' | 'ù' | 'û' | 'ü' => Some('u'),
            'ñ' => Some('n'),
            'ç' => Some('c'),
            c if c.is_ascii_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// Header names recognised for each role, in [`normalize_header`] form (Spanish and
/// English; `Invoice`, `Quantity`, `InvoiceDate`, `Price`, `Customer ID` of the UCI
/// Online Retail II layout, `InvoiceNo`, `UnitPrice`, `CustomerID` of its first edition).
pub const HEADER_NAMES: [(Role, &[&str]); 6] = [
    (
        Role::Customer,
        &[
            "customerid",
            "customer",
            "customerno",
            "customernumber",
            "customercode",
            "clientid",
            "client",
            "clientcode",
            "cliente",
            "idcliente",
            "clienteid",
            "codcliente",
            "codigocliente",
            "codigodecliente",
            "numcliente",
            "numerocliente",
            "numerodecliente",
            "ncliente",
            "nrocliente",
            "idcli",
        ],
    ),
    (
        Role::Date,
        &[
            "invoicedate",
            "date",
            "orderdate",
            "purchasedate",
            "transactiondate",
            "saledate",
            "datetime",
            "fecha",
            "fechafactura",
            "fechadefactura",
            "fechapedido",
            "fechadepedido",
            "fechacompra",
            "fechadecompra",
            "fechaventa",
            "fechadeventa",
            "fechaoperacion",
            "fechatransaccion",
            "fechaemision",
            "fechahora",
        ],
    ),
    (
        Role::Amount,
        &[
            "amount",
            "total",
            "totalamount",
            "lineamount",
            "linetotal",
            "totalprice",
            "revenue",
            "sales",
            "netamount",
            "importe",
            "importetotal",
            "importelinea",
            "totallinea",
            "monto",
            "montototal",
            "ventas",
            "totalventa",
            "subtotal",
        ],
    ),
    (
        Role::Quantity,
        &[
            "quantity", "qty", "units", "cantidad", "unidades", "uds", "cant",
        ],
    ),
    (
        Role::Price,
        &[
            "price",
            "unitprice",
            "priceunit",
            "precio",
            "preciounitario",
            "preciounidad",
            "preciounit",
            "pvp",
        ],
    ),
    (
        Role::Invoice,
        &[
            "invoice",
            "invoiceno",
            "invoicenumber",
            "invoiceid",
            "order",
            "orderid",
            "orderno",
            "ordernumber",
            "transactionid",
            "receipt",
            "ticket",
            "factura",
            "numfactura",
            "numerofactura",
            "numerodefactura",
            "nfactura",
            "nrofactura",
            "idfactura",
            "pedido",
            "numpedido",
            "numerodepedido",
            "npedido",
            "idpedido",
            "albaran",
        ],
    ),
];

/// The mapping a header suggests: for each role, the first column (left to right) whose
/// normalised name is one of [`HEADER_NAMES`].
pub fn map_headers(headers: &[String]) -> Mapping {
    let find = |role: Role| -> Option<usize> {
        let names = HEADER_NAMES
            .iter()
            .find(|(r, _)| *r == role)
            .map_or(&[][..], |(_, names)| *names);
        headers
            .iter()
            .position(|h| names.contains(&normalize_header(h).as_str()))
    };
    Mapping {
        customer: find(Role::Customer),
        date: find(Role::Date),
        amount: find(Role::Amount),
        quantity: find(Role::Quantity),
        price: find(Role::Price),
        invoice: find(Role::Invoice),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rfm::{Columns, Value};

    #[test]
    fn online_retail_headers() {
        let names = [
            "Invoice",
            "StockCode",
            "Description",
            "Quantity",
            "InvoiceDate",
            "Price",
            "Customer ID",
            "Country",
        ]
        .map(String::from);
        let m = map_headers(&names);
        assert_eq!(
            m.columns(),
            Ok(Columns {
                customer: 6,
                date: 4,
                value: Value::QuantityPrice {
                    quantity: 3,
                    price: 5
                },
                invoice: Some(0),
            })
        );
        let es = ["Nº Factura", "Fecha", "Código cliente", "Importe"].map(String::from);
        let m = map_headers(&es);
        assert_eq!(
            (m.customer, m.date, m.amount, m.invoice),
            (Some(2), Some(1), Some(3), Some(0))
        );
    }
}
