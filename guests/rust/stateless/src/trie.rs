//! A sparse Merkle-Patricia trie over the witness's state nodes.
//!
//! The trie starts as a single [`Node::Hash`] (the root it must have) and is expanded one node at a
//! time, on demand, from the witness's node map (keccak256 of a node's RLP to the RLP). Subtrees the
//! block never touches stay hashes, so their hash is reused as is when the new root is computed.
//! Reaching a hash that the witness does not hold is an error ([`TrieError::MissingNode`]): a
//! partial witness must never read as an empty subtree.

use alloy_primitives::{keccak256, B256};
use alloy_rlp::{Header, EMPTY_STRING_CODE};
use alloy_trie::EMPTY_ROOT_HASH;
use alloy_primitives::map::B256Map;
use std::fmt;

/// The witness's state nodes, by the keccak256 of their RLP. (alloy's fixed-bytes maps hash
/// without a random seed, so every run does the same work.)
pub type NodeMap = B256Map<Vec<u8>>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrieError {
    /// The path leads to a node whose RLP the witness does not hold.
    MissingNode(B256),
    /// A node the witness holds is not a valid trie node.
    BadNode(B256, &'static str),
}

impl fmt::Display for TrieError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrieError::MissingNode(hash) => write!(f, "missing trie node {hash} (not in the witness)"),
            TrieError::BadNode(hash, why) => write!(f, "invalid trie node {hash}: {why}"),
        }
    }
}

impl std::error::Error for TrieError {}

type Result<T> = std::result::Result<T, TrieError>;

/// Nibble paths are one nibble (0..=15) per byte.
type Nibbles = Vec<u8>;

#[derive(Debug, Clone)]
enum Node {
    Empty,
    /// A node not expanded yet: only its hash is known.
    Hash(B256),
    Leaf { key: Nibbles, value: Vec<u8> },
    Extension { key: Nibbles, child: Box<Node> },
    Branch { children: Box<[Node; 16]>, value: Option<Vec<u8>> },
}

#[derive(Debug, Clone)]
pub struct Trie {
    root: Node,
}

impl Trie {
    /// A trie whose nodes are to be found in the witness, starting from `root`.
    pub fn from_root(root: B256) -> Self {
        let root = if root == EMPTY_ROOT_HASH { Node::Empty } else { Node::Hash(root) };
        Trie { root }
    }

    pub fn empty() -> Self {
        Trie { root: Node::Empty }
    }

    /// The value at `key` (a 32-byte hashed key in the state tries), or None.
    pub fn get(&mut self, nodes: &NodeMap, key: &[u8]) -> Result<Option<Vec<u8>>> {
        get(&mut self.root, nodes, &to_nibbles(key))
    }

    pub fn insert(&mut self, nodes: &NodeMap, key: &[u8], value: Vec<u8>) -> Result<()> {
        insert(&mut self.root, nodes, &to_nibbles(key), value)
    }

    /// Removes `key` if present. A branch left with one child merges with it, which needs that
    /// child's node from the witness.
    pub fn delete(&mut self, nodes: &NodeMap, key: &[u8]) -> Result<()> {
        delete(&mut self.root, nodes, &to_nibbles(key)).map(|_| ())
    }

    pub fn root_hash(&self) -> B256 {
        match &self.root {
            Node::Empty => EMPTY_ROOT_HASH,
            Node::Hash(hash) => *hash,
            // The root is always hashed, even when its RLP is shorter than 32 bytes.
            node => keccak256(encode(node)),
        }
    }
}

fn to_nibbles(key: &[u8]) -> Nibbles {
    key.iter().flat_map(|b| [b >> 4, b & 0x0f]).collect()
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Replaces a [`Node::Hash`] by the node it names, decoded from the witness.
fn expand(node: &mut Node, nodes: &NodeMap) -> Result<()> {
    if let Node::Hash(hash) = *node {
        let rlp = nodes.get(&hash).ok_or(TrieError::MissingNode(hash))?;
        *node = decode_node(rlp).map_err(|why| TrieError::BadNode(hash, why))?;
    }
    Ok(())
}

fn get(node: &mut Node, nodes: &NodeMap, path: &[u8]) -> Result<Option<Vec<u8>>> {
    expand(node, nodes)?;
    match node {
        Node::Empty => Ok(None),
        Node::Hash(_) => unreachable!("expanded above"),
        Node::Leaf { key, value } => Ok((key.as_slice() == path).then(|| value.clone())),
        Node::Extension { key, child } => match path.strip_prefix(key.as_slice()) {
            Some(rest) => get(child, nodes, rest),
            None => Ok(None),
        },
        Node::Branch { children, value } => match path.split_first() {
            None => Ok(value.clone()),
            Some((&first, rest)) => get(&mut children[first as usize], nodes, rest),
        },
    }
}

fn empty_children() -> Box<[Node; 16]> {
    Box::new(std::array::from_fn(|_| Node::Empty))
}

/// Puts a leaf for `value` at `path` below a new branch (in its value slot, for an empty path).
fn place_leaf(children: &mut [Node; 16], branch_value: &mut Option<Vec<u8>>, path: &[u8], value: Vec<u8>) {
    match path.split_first() {
        None => *branch_value = Some(value),
        Some((&first, rest)) => children[first as usize] = Node::Leaf { key: rest.to_vec(), value },
    }
}

/// `node` below an extension with `prefix`, or `node` itself for an empty prefix.
fn with_prefix(prefix: &[u8], node: Node) -> Node {
    if prefix.is_empty() {
        node
    } else {
        Node::Extension { key: prefix.to_vec(), child: Box::new(node) }
    }
}

fn insert(node: &mut Node, nodes: &NodeMap, path: &[u8], new_value: Vec<u8>) -> Result<()> {
    expand(node, nodes)?;
    match node {
        Node::Empty => *node = Node::Leaf { key: path.to_vec(), value: new_value },
        Node::Hash(_) => unreachable!("expanded above"),
        Node::Leaf { key, value } => {
            if key.as_slice() == path {
                *value = new_value;
                return Ok(());
            }
            // Two keys now: a branch where they part, below their common prefix.
            let p = common_prefix(key, path);
            let mut children = empty_children();
            let mut branch_value = None;
            let old_key = std::mem::take(key);
            place_leaf(&mut children, &mut branch_value, &old_key[p..], std::mem::take(value));
            place_leaf(&mut children, &mut branch_value, &path[p..], new_value);
            *node = with_prefix(&path[..p], Node::Branch { children, value: branch_value });
        }
        Node::Extension { key, child } => {
            let p = common_prefix(key, path);
            if p == key.len() {
                return insert(child, nodes, &path[p..], new_value);
            }
            // The new key leaves the extension part way: split it at a new branch.
            let mut children = empty_children();
            let mut branch_value = None;
            let old_key = std::mem::take(key);
            let old_child = std::mem::replace(child.as_mut(), Node::Empty);
            children[old_key[p] as usize] = with_prefix(&old_key[p + 1..], old_child);
            place_leaf(&mut children, &mut branch_value, &path[p..], new_value);
            *node = with_prefix(&path[..p], Node::Branch { children, value: branch_value });
        }
        Node::Branch { children, value } => match path.split_first() {
            None => *value = Some(new_value),
            Some((&first, rest)) => insert(&mut children[first as usize], nodes, rest, new_value)?,
        },
    }
    Ok(())
}

/// Returns whether the key was there (and so whether the nodes on its path changed).
fn delete(node: &mut Node, nodes: &NodeMap, path: &[u8]) -> Result<bool> {
    expand(node, nodes)?;
    match node {
        Node::Empty => Ok(false),
        Node::Hash(_) => unreachable!("expanded above"),
        Node::Leaf { key, .. } => {
            if key.as_slice() != path {
                return Ok(false);
            }
            *node = Node::Empty;
            Ok(true)
        }
        Node::Extension { key, child } => {
            let Some(rest) = path.strip_prefix(key.as_slice()) else { return Ok(false) };
            if !delete(child, nodes, rest)? {
                return Ok(false);
            }
            // The child was a branch; if it collapsed into a leaf or an extension, that absorbs
            // this extension's key.
            let prefix = std::mem::take(key);
            let child = std::mem::replace(child.as_mut(), Node::Empty);
            *node = merge_prefix(prefix, child);
            Ok(true)
        }
        Node::Branch { children, value } => {
            let deleted = match path.split_first() {
                None => value.take().is_some(),
                Some((&first, rest)) => delete(&mut children[first as usize], nodes, rest)?,
            };
            if !deleted {
                return Ok(false);
            }
            let mut live = children.iter().enumerate().filter(|(_, c)| !matches!(c, Node::Empty)).map(|(i, _)| i);
            let only_child = match (live.next(), live.next()) {
                (_, Some(_)) => return Ok(true), // two or more children: still a branch
                (only, None) => only,
            };
            match (only_child, value.is_some()) {
                (Some(_), true) => {} // a child and a value: still a branch
                (None, false) => *node = Node::Empty,
                (None, true) => *node = Node::Leaf { key: Vec::new(), value: value.take().unwrap() },
                (Some(i), false) => {
                    // One child left: it moves up into this place, and to merge it we must know
                    // what it is, so its node must be in the witness.
                    let mut child = std::mem::replace(&mut children[i], Node::Empty);
                    expand(&mut child, nodes)?;
                    *node = merge_prefix(vec![i as u8], child);
                }
            }
            Ok(true)
        }
    }
}

/// `child` placed below `prefix`: a leaf or an extension absorbs the prefix into its key.
fn merge_prefix(mut prefix: Nibbles, child: Node) -> Node {
    match child {
        Node::Empty => Node::Empty,
        Node::Leaf { key, value } => {
            prefix.extend_from_slice(&key);
            Node::Leaf { key: prefix, value }
        }
        Node::Extension { key, child } => {
            prefix.extend_from_slice(&key);
            Node::Extension { key: prefix, child }
        }
        branch_or_hash => with_prefix(&prefix, branch_or_hash),
    }
}

// ---- encoding ----

fn hex_prefix(key: &[u8], leaf: bool) -> Vec<u8> {
    let flag = if leaf { 2 } else { 0 };
    let mut out = Vec::with_capacity(key.len() / 2 + 1);
    let rest = if key.len() % 2 == 1 {
        out.push(((flag + 1) << 4) | key[0]);
        &key[1..]
    } else {
        out.push(flag << 4);
        key
    };
    out.extend(rest.chunks(2).map(|pair| (pair[0] << 4) | pair[1]));
    out
}

fn encode_bytes(bytes: &[u8], out: &mut Vec<u8>) {
    alloy_rlp::Encodable::encode(bytes, out);
}

/// The node's RLP.
fn encode(node: &Node) -> Vec<u8> {
    let mut payload = Vec::new();
    match node {
        Node::Empty => return vec![EMPTY_STRING_CODE],
        Node::Hash(_) => unreachable!("a hash node is referenced, never encoded"),
        Node::Leaf { key, value } => {
            encode_bytes(&hex_prefix(key, true), &mut payload);
            encode_bytes(value, &mut payload);
        }
        Node::Extension { key, child } => {
            encode_bytes(&hex_prefix(key, false), &mut payload);
            reference(child, &mut payload);
        }
        Node::Branch { children, value } => {
            for child in children.iter() {
                reference(child, &mut payload);
            }
            encode_bytes(value.as_deref().unwrap_or(&[]), &mut payload);
        }
    }
    let mut out = Vec::with_capacity(payload.len() + 3);
    Header { list: true, payload_length: payload.len() }.encode(&mut out);
    out.extend_from_slice(&payload);
    out
}

/// How a parent refers to `node`: inline when its RLP is shorter than 32 bytes, else by hash.
fn reference(node: &Node, out: &mut Vec<u8>) {
    match node {
        Node::Empty => out.push(EMPTY_STRING_CODE),
        Node::Hash(hash) => encode_bytes(hash.as_slice(), out),
        _ => {
            let rlp = encode(node);
            if rlp.len() < 32 {
                out.extend_from_slice(&rlp);
            } else {
                encode_bytes(keccak256(&rlp).as_slice(), out);
            }
        }
    }
}

// ---- decoding ----

/// One RLP item off the front of `buf`.
struct Item<'a> {
    list: bool,
    payload: &'a [u8],
    /// The whole item, header included.
    raw: &'a [u8],
}

fn next_item<'a>(buf: &mut &'a [u8]) -> std::result::Result<Item<'a>, &'static str> {
    let start = *buf;
    let header = Header::decode(buf).map_err(|_| "bad RLP")?;
    if buf.len() < header.payload_length {
        return Err("truncated RLP");
    }
    let payload = &buf[..header.payload_length];
    *buf = &buf[header.payload_length..];
    let raw = &start[..start.len() - buf.len()];
    Ok(Item { list: header.list, payload, raw })
}

fn decode_node(rlp: &[u8]) -> std::result::Result<Node, &'static str> {
    let mut buf = rlp;
    let node = next_item(&mut buf)?;
    if !node.list || !buf.is_empty() {
        return Err("not a single RLP list");
    }
    let mut payload = node.payload;
    let mut items = Vec::with_capacity(17);
    while !payload.is_empty() {
        items.push(next_item(&mut payload)?);
    }
    match items.len() {
        17 => {
            let mut children = empty_children();
            for (child, item) in children.iter_mut().zip(&items[..16]) {
                *child = decode_reference(item)?;
            }
            if items[16].list {
                return Err("branch value is a list");
            }
            let value = (!items[16].payload.is_empty()).then(|| items[16].payload.to_vec());
            Ok(Node::Branch { children, value })
        }
        2 => {
            let path = &items[0];
            if path.list || path.payload.is_empty() {
                return Err("bad compact path");
            }
            let (first, rest) = (path.payload[0], &path.payload[1..]);
            let mut key = Vec::with_capacity(path.payload.len() * 2);
            match first >> 4 {
                0 | 2 if first & 0x0f == 0 => {}
                1 | 3 => key.push(first & 0x0f),
                _ => return Err("bad compact path flag"),
            }
            key.extend(to_nibbles(rest));
            let leaf = first >> 4 >= 2;
            if leaf {
                if items[1].list {
                    return Err("leaf value is a list");
                }
                return Ok(Node::Leaf { key, value: items[1].payload.to_vec() });
            }
            if key.is_empty() {
                return Err("extension with an empty key");
            }
            match decode_reference(&items[1])? {
                Node::Empty => Err("extension without a child"),
                child => Ok(Node::Extension { key, child: Box::new(child) }),
            }
        }
        _ => Err("neither a branch (17 items) nor a leaf or extension (2 items)"),
    }
}

/// A child reference: empty, a 32-byte hash, or a node inlined for being under 32 bytes.
fn decode_reference(item: &Item<'_>) -> std::result::Result<Node, &'static str> {
    if item.list {
        return decode_node(item.raw);
    }
    match item.payload.len() {
        0 => Ok(Node::Empty),
        32 => Ok(Node::Hash(B256::from_slice(item.payload))),
        _ => Err("child reference is neither empty, a hash nor an inline node"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_trie::{HashBuilder, Nibbles as AlloyNibbles};
    use std::collections::BTreeMap;

    fn reference_root(entries: &BTreeMap<Vec<u8>, Vec<u8>>) -> B256 {
        let mut hb = HashBuilder::default();
        for (k, v) in entries {
            hb.add_leaf(AlloyNibbles::unpack(k), v);
        }
        hb.root()
    }

    /// Every hashed node of a fully expanded trie, as a witness would hold them.
    fn collect(node: &Node, out: &mut NodeMap) {
        match node {
            Node::Extension { child, .. } => collect(child, out),
            Node::Branch { children, .. } => children.iter().for_each(|c| collect(c, out)),
            _ => {}
        }
        if !matches!(node, Node::Empty | Node::Hash(_)) {
            let rlp = encode(node);
            out.insert(keccak256(&rlp), rlp);
        }
    }

    fn key(i: u32) -> Vec<u8> {
        keccak256(i.to_be_bytes()).to_vec()
    }

    #[test]
    fn matches_alloy_trie_under_inserts_and_deletes() {
        let mut entries = BTreeMap::new();
        let mut trie = Trie::empty();
        let nodes = NodeMap::default();
        for i in 0u32..300 {
            let value = vec![i as u8 + 1; 1 + (i as usize % 40)];
            trie.insert(&nodes, &key(i), value.clone()).unwrap();
            entries.insert(key(i), value);
            if i % 3 == 0 {
                trie.delete(&nodes, &key(i / 2)).unwrap();
                entries.remove(&key(i / 2));
            }
            assert_eq!(trie.root_hash(), reference_root(&entries), "after step {i}");
        }
        for (k, v) in &entries {
            assert_eq!(trie.get(&nodes, k).unwrap().as_ref(), Some(v));
        }
    }

    #[test]
    fn sparse_trie_from_witness_nodes() {
        let mut full = Trie::empty();
        let mut entries = BTreeMap::new();
        for i in 0u32..200 {
            full.insert(&NodeMap::default(), &key(i), vec![7; 40]).unwrap();
            entries.insert(key(i), vec![7; 40]);
        }
        let mut nodes = NodeMap::default();
        collect(&full.root, &mut nodes);
        let root = full.root_hash();

        let mut sparse = Trie::from_root(root);
        assert_eq!(sparse.get(&nodes, &key(5)).unwrap(), Some(vec![7; 40]));
        assert_eq!(sparse.get(&nodes, &key(1000)).unwrap(), None);
        sparse.insert(&nodes, &key(1000), vec![1; 3]).unwrap();
        sparse.delete(&nodes, &key(6)).unwrap();
        entries.insert(key(1000), vec![1; 3]);
        entries.remove(&key(6));
        assert_eq!(sparse.root_hash(), reference_root(&entries));

        // Without the root node, nothing can be read.
        let mut missing = nodes.clone();
        missing.remove(&root);
        let err = Trie::from_root(root).get(&missing, &key(5)).unwrap_err();
        assert_eq!(err, TrieError::MissingNode(root));
    }
}
